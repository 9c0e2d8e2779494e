import { gameCloseSessionInput, gameCloseSessionOutput } from "@chronicle/contracts";
import { closeGameSession } from "../../game/close-game-session.ts";
import { authedProcedure } from "../../trpc.ts";

/**
 * Seed 003's session close. Built on authedProcedure, not serviceProcedure, because besides
 * game servers (events:game) the learner who owns the session may close it too; the rule is
 * in game/authorize-game-session.ts.
 */
export const closeSession = authedProcedure
  .input(gameCloseSessionInput)
  .output(gameCloseSessionOutput)
  .mutation(({ ctx, input }) =>
    closeGameSession(
      { db: ctx.db, log: ctx.log, now: ctx.now, retryAfterSeconds: ctx.env.CHRONICLE_RETRY_AFTER_SECONDS, onStored: () => ctx.projections.nudge() },
      ctx.principal,
      input.sessionId,
    ),
  );
