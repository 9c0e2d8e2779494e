import { adminTopicInput, adminTopicOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readTopicView } from "../../admin/topic-view.ts";

/** One topic's daily stats, mastery distribution, hardest questions and answer-change patterns. */
export const topic = auditedAdminProcedure
  .input(adminTopicInput)
  .output(adminTopicOutput)
  .query(({ ctx, input }) => readTopicView(ctx.db.orm, input.topicId, ctx.now()));
