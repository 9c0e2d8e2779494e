import { adminCountersInput, adminCountersOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readCounterDashboard } from "../../admin/counter-dashboard.ts";

/** Seed 004's counter summary over all viewers, with accept/skip/edit/undo rates. */
export const counters = auditedAdminProcedure
  .input(adminCountersInput)
  .output(adminCountersOutput)
  .query(({ ctx, input }) => readCounterDashboard(ctx.db.orm, input.days, ctx.now()));
