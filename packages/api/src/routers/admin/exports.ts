import { adminExportsOutput } from "@chronicle/contracts";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { readExportStatus } from "../../admin/export-status.ts";

/** The incremental Parquet export: recent runs and how far the log is ahead of it. */
export const exports = auditedAdminProcedure.output(adminExportsOutput).query(({ ctx }) => readExportStatus(ctx.db.orm));
