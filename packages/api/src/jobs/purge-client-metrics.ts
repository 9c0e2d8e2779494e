import { clientMetrics, CLIENT_METRICS_RETENTION_DAYS } from "@chronicle/db";
import { lt } from "drizzle-orm";
import type { Job } from "./job.ts";

const DAY_MS = 86_400_000;

/**
 * Deletes client-reported figures (client_metrics) older than CLIENT_METRICS_RETENTION_DAYS.
 * They are operational counts without learner data, so no purge audit is written.
 */
export const purgeClientMetricsJob: Job = {
  name: "purge-client-metrics",
  intervalMs: 3_600_000,
  async run(deps, now) {
    const cutoff = new Date(now.getTime() - CLIENT_METRICS_RETENTION_DAYS * DAY_MS).toISOString();
    const deleted = await deps.db.orm.delete(clientMetrics).where(lt(clientMetrics.minute, cutoff)).returning({ minute: clientMetrics.minute });
    if (deleted.length > 0) deps.log.info("retention.purged", { target: "client_metrics", rows: deleted.length, cutoff });
  },
};
