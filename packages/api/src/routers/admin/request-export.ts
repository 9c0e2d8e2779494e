import { adminExportRequestOutput, adminRequestExportOutput, noInput } from "@chronicle/contracts";
import { rowsOf } from "@chronicle/db";
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { exportEventsJob } from "../../jobs/export-events-job.ts";
import { readJobRequest, requestJobRun } from "../../jobs/request-job-run.ts";

/**
 * "Export now" (audited like every admin call): asks a worker to run the export at its next
 * tick. On the embedded database the one process is also the worker, so it works there too.
 */
export const requestExport = auditedAdminProcedure
  .input(noInput)
  .output(adminRequestExportOutput)
  .mutation(async ({ ctx }) => {
    if (!ctx.env.CHRONICLE_EXPORT_DIR) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "The export folder is not set; set CHRONICLE_EXPORT_DIR (storage every worker shares) on every process and restart them.",
      });
    }
    const requestedAt = await requestJobRun(ctx.db.orm, exportEventsJob, ctx.principal.userId);
    const [running] = await rowsOf<{ id: number }>(ctx.db.orm, sql`select id::int as id from export_runs where status = 'running' order by id desc limit 1`);
    return { requestedAt, runningRunId: running?.id ?? null };
  });

/** Whether an "Export now" waits for a worker to start it. */
export const exportRequest = auditedAdminProcedure.output(adminExportRequestOutput).query(({ ctx }) => readJobRequest(ctx.db.orm, exportEventsJob));
