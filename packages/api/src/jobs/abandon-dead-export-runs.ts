import { resolve } from "node:path";
import { abandonDeadExportRuns, publishSucceededRuns } from "../export/export-run-lease.ts";
import type { Job } from "./job.ts";

/**
 * Any worker notices an export run whose process was killed or froze (its lease expired) and
 * marks it abandoned, removing its files, so a dead run never blocks the export or retention; and
 * publishes the folder of a run that succeeded but died before renaming it.
 */
export const abandonDeadExportRunsJob: Job = {
  name: "abandon-dead-export-runs",
  // One short update of a tiny table: often enough that a dead run is gone within its lease TTL plus 10 s.
  intervalMs: 10_000,
  fencing: "by-itself",
  async run(deps) {
    const fallback = deps.env.CHRONICLE_EXPORT_DIR ? resolve(deps.env.CHRONICLE_EXPORT_DIR) : undefined;
    const abandoned = await abandonDeadExportRuns(deps.db, fallback);
    if (abandoned.length > 0) deps.log.info("export.abandoned", { runs: abandoned });
    // A run that committed `succeeded` but died before renaming its folder: make its files visible.
    const published = await publishSucceededRuns(deps.db, fallback);
    if (published.length > 0) deps.log.info("export.published", { runs: published });
  },
};
