import { adminRouter } from "./routers/admin/index.ts";
import { countersRouter } from "./routers/counters/index.ts";
import { health } from "./routers/health.ts";
import { telemetryRouter } from "./routers/telemetry/index.ts";
import { router } from "./trpc.ts";

/** The one root router; clients import only its type. */
export const appRouter = router({
  health,
  telemetry: telemetryRouter,
  counters: countersRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
