import { resolve } from "node:path";
import { exportEvents } from "../export/export-events.ts";
import type { Job } from "./job.ts";

/** The hourly incremental export into CHRONICLE_EXPORT_DIR, when it is set. */
export const exportEventsJob: Job = {
  name: "export-events",
  intervalMs: 3_600_000,
  // It writes files, so it cannot live in one transaction: the export lease fences each step.
  fencing: "by-itself",
  async run(deps) {
    if (!deps.env.CHRONICLE_EXPORT_DIR) return;
    const report = await exportEvents(deps.db, {
      outDir: resolve(deps.env.CHRONICLE_EXPORT_DIR),
      actor: "chronicle export job",
      fileRows: deps.env.CHRONICLE_EXPORT_FILE_ROWS,
      leaseTtlMs: deps.env.CHRONICLE_EXPORT_LEASE_SECONDS * 1000,
    });
    deps.log.info("export.finished", { runId: report.runId, events: report.events, files: report.files.length });
  },
};
