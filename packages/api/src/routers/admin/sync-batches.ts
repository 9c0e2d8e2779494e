import { adminSyncBatchesInput, adminSyncBatchesOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { listSyncBatches } from "../../admin/list-sync-batches.ts";

/** Seed 001's batch logs: recent sync batches with filters, success rate, mean duration and item outcomes. */
export const syncBatches = auditedAdminProcedure
  .input(adminSyncBatchesInput)
  .output(adminSyncBatchesOutput)
  .query(({ ctx, input }) => listSyncBatches(ctx.db.orm, input, ctx.now()));
