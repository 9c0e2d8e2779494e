import { adminTopicInput, adminTopicOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readTopicView } from "../../admin/topic-view.ts";
import { readWatermark } from "../../admin/read-watermark.ts";
import { aggregateSources } from "../../projections/aggregate-sources.ts";

/** One topic's daily stats, mastery distribution, hardest questions and answer-change patterns. */
export const topic = auditedAdminProcedure
  .input(adminTopicInput)
  .output(adminTopicOutput)
  .query(async ({ ctx, input }) => {
    // The watermark first: the answer read after it holds at least every event up to it.
    const watermark = await readWatermark(ctx.db.orm, aggregateSources.topic);
    return { ...(await readTopicView(ctx.db.orm, input.topicId, ctx.now())), watermark };
  });
