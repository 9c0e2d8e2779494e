import { adminLearnerLabelsInput, adminLearnerLabelsOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readLearnerLabels } from "../../admin/read-learner-labels.ts";

/** Names (or pseudonyms) for the learners a page shows, so no table lists bare ids. */
export const learnerLabels = auditedAdminProcedure
  .input(adminLearnerLabelsInput)
  .output(adminLearnerLabelsOutput)
  .query(({ ctx, input }) => readLearnerLabels(ctx.db.orm, input.userIds));
