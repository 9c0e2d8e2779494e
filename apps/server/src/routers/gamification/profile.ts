import { gamificationProfileInput, gamificationProfileOutput } from "@chronicle/contracts";
import { readProfile } from "../../gamification/read-profile.ts";
import { learnerProcedure } from "../../trpc.ts";

/** The learner's XP, level, streaks and achievements, as of the last projection pass. */
export const profile = learnerProcedure
  .input(gamificationProfileInput)
  .output(gamificationProfileOutput)
  .query(({ ctx }) => readProfile(ctx.db.orm, ctx.principal.userId));
