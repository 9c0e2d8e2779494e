import { adminTopicsOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { listTopics } from "../../admin/list-topics.ts";
import { readWatermark } from "../../admin/read-watermark.ts";
import { aggregateSources } from "../../projections/aggregate-sources.ts";

/** Every topic with its attempts and accuracy, and up to which event they count. */
export const topics = auditedAdminProcedure.output(adminTopicsOutput).query(async ({ ctx }) => {
  // The watermark first: the answer read after it holds at least every event up to it.
  const watermark = await readWatermark(ctx.db.orm, aggregateSources.topics);
  return { topics: await listTopics(ctx.db.orm), watermark };
});
