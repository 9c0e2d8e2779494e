import { adminLearnerInput, adminLearnerOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readLearnerView } from "../../admin/learner-view.ts";
import { readWatermark } from "../../admin/read-watermark.ts";
import { aggregateSources } from "../../projections/aggregate-sources.ts";

/** One learner's stats, progress, mastery, knowledge gaps and recent sessions. */
export const learner = auditedAdminProcedure
  .input(adminLearnerInput)
  .output(adminLearnerOutput)
  .query(async ({ ctx, input }) => {
    // The watermark first: the answer read after it holds at least every event up to it.
    const watermark = await readWatermark(ctx.db.orm, aggregateSources.learner);
    return { ...(await readLearnerView(ctx.db.orm, input.userId, ctx.now())), watermark };
  });
