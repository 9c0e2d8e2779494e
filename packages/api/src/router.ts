import { adminRouter } from "./routers/admin/index.ts";
import { authRouter } from "./routers/auth/index.ts";
import { countersRouter } from "./routers/counters/index.ts";
import { gameRouter } from "./routers/game/index.ts";
import { gamificationRouter } from "./routers/gamification/index.ts";
import { health } from "./routers/health.ts";
import { learnersRouter } from "./routers/learners/index.ts";
import { sessionsRouter } from "./routers/sessions/index.ts";
import { studyRouter } from "./routers/study/index.ts";
import { syncRouter } from "./routers/sync/index.ts";
import { telemetryRouter } from "./routers/telemetry/index.ts";
import { router } from "./trpc.ts";

/** The one root router; clients import only its type. */
export const appRouter = router({
  health,
  auth: authRouter,
  telemetry: telemetryRouter,
  counters: countersRouter,
  admin: adminRouter,
  gamification: gamificationRouter,
  sessions: sessionsRouter,
  game: gameRouter,
  sync: syncRouter,
  learners: learnersRouter,
  study: studyRouter,
});

export type AppRouter = typeof appRouter;
