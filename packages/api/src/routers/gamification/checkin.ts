import { gamificationCheckinInput, gamificationCheckinOutput } from "@chronicle/contracts";
import { TRPCError } from "@trpc/server";
import { checkIn } from "../../gamification/check-in.ts";
import { learnerProcedure } from "../../trpc.ts";

/** The daily check-in (seed 002 `POST /api/gamification/checkin`); a second call on the same UTC day changes nothing. */
export const checkin = learnerProcedure
  .input(gamificationCheckinInput)
  .output(gamificationCheckinOutput)
  .mutation(async ({ ctx }) => {
    try {
      const outcome = await checkIn(ctx.db, ctx.principal.userId, ctx.now());
      if (outcome.isNewCheckin) ctx.projections.nudge();
      return outcome;
    } catch (error) {
      ctx.log.error("gamification.checkin_failed", { userId: ctx.principal.userId, error });
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Your check-in could not be saved; try again in a moment.", cause: error });
    }
  });
