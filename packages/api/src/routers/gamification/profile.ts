import { gamificationProfileInput, gamificationProfileOutput } from "@chronicle/contracts";
import { readProfile } from "../../gamification/read-profile.ts";
import { learnerProcedure } from "../../trpc.ts";
import { readWatermark } from "../../admin/read-watermark.ts";
import { aggregateSources } from "../../projections/aggregate-sources.ts";

/** The learner's XP, level, streaks and achievements, as of the last projection pass. */
export const profile = learnerProcedure
  .input(gamificationProfileInput)
  .output(gamificationProfileOutput)
  .query(async ({ ctx }) => {
    // The watermark first: the answer read after it holds at least every event up to it.
    const watermark = await readWatermark(ctx.db.orm, aggregateSources.gamificationProfile);
    return { ...(await readProfile(ctx.db.orm, ctx.principal.userId)), watermark };
  });
