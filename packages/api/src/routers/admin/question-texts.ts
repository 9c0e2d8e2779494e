import { adminQuestionTextsInput, adminQuestionTextsOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readQuestionTexts } from "../../admin/read-question-texts.ts";

/** Question text and topic for the question ids a page shows. */
export const questionTexts = auditedAdminProcedure
  .input(adminQuestionTextsInput)
  .output(adminQuestionTextsOutput)
  .query(({ ctx, input }) => readQuestionTexts(ctx.db.orm, input.questionIds));
