import { adminLearnersInput, adminLearnersOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { listLearners } from "../../admin/list-learners.ts";

/** The learner directory: search by id prefix or name, sorted and paginated. */
export const learners = auditedAdminProcedure
  .input(adminLearnersInput)
  .output(adminLearnersOutput)
  .query(({ ctx, input }) => listLearners(ctx.db.orm, input));
