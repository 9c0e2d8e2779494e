import { adminLearnersInput, adminLearnersOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { listLearners } from "../../admin/list-learners.ts";
import { readWatermark } from "../../admin/read-watermark.ts";
import { aggregateSources } from "../../projections/aggregate-sources.ts";

/** The learner directory: search by id prefix or name, sorted and paginated, and up to which event its XP and mastery count. */
export const learners = auditedAdminProcedure
  .input(adminLearnersInput)
  .output(adminLearnersOutput)
  .query(async ({ ctx, input }) => {
    // The watermark first: the page read after it holds at least every event up to it.
    const watermark = await readWatermark(ctx.db.orm, aggregateSources.learners);
    return { ...(await listLearners(ctx.db.orm, input)), watermark };
  });
