import { adminLearnerInput, adminLearnerOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readLearnerView } from "../../admin/learner-view.ts";

/** One learner's stats, progress, mastery, knowledge gaps and recent sessions. */
export const learner = auditedAdminProcedure
  .input(adminLearnerInput)
  .output(adminLearnerOutput)
  .query(({ ctx, input }) => readLearnerView(ctx.db.orm, input.userId, ctx.now()));
