import { recentSessionsInput, recentSessionsOutput } from "@chronicle/contracts";
import { listRecentSessions } from "../../exam/list-recent-sessions.ts";
import { learnerProcedure } from "../../trpc.ts";

/** The learner's latest tests, newest first: the player's history and its "resume your unfinished test". */
export const recent = learnerProcedure
  .input(recentSessionsInput)
  .output(recentSessionsOutput)
  .query(({ ctx, input }) => listRecentSessions(ctx.db.orm, ctx.principal.userId, ctx.now(), input?.limit));
