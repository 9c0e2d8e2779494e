import { adminQuarantineInput, adminQuarantineOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readQuarantineGroups } from "../../admin/quarantine-groups.ts";

/** Rejected events of the window, grouped by rejection code, with samples. */
export const quarantine = auditedAdminProcedure
  .input(adminQuarantineInput)
  .output(adminQuarantineOutput)
  .query(({ ctx, input }) => readQuarantineGroups(ctx.db.orm, input.windowDays, input.limit, ctx.now()));
