import { abandonDeadExportRunsJob } from "./abandon-dead-export-runs.ts";
import { closeIdleStudySessionsJob } from "./close-idle-study-sessions.ts";
import { detectBrokenStreaksJob } from "./detect-broken-streaks.ts";
import { evaluateAlertsJob } from "./evaluate-alerts-job.ts";
import type { Job } from "./job.ts";
import { computeKnowledgeGapsJob } from "./compute-knowledge-gaps.ts";
import { ensureEventPartitionsJob } from "./ensure-event-partitions.ts";
import { expireSessionsJob } from "./expire-sessions.ts";
import { exportEventsJob } from "./export-events-job.ts";
import { purgeClientMetricsJob } from "./purge-client-metrics.ts";
import { purgeExpiredDataJob } from "./purge-expired-data.ts";

/** Every scheduled job; workers run them once per interval per cluster, tests call `job.run` directly with a chosen time. */
export const allJobs: readonly Job[] = [
  ensureEventPartitionsJob,
  expireSessionsJob,
  detectBrokenStreaksJob,
  computeKnowledgeGapsJob,
  purgeExpiredDataJob,
  exportEventsJob,
  abandonDeadExportRunsJob,
  evaluateAlertsJob,
  closeIdleStudySessionsJob,
  purgeClientMetricsJob,
];
