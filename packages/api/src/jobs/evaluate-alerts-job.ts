import { runAlerts } from "../alerts/run-alerts.ts";
import type { Job } from "./job.ts";

/**
 * Every minute, in one process of the cluster: alerts fire and resolve with nobody watching
 * (a log line, the alerts table, the webhook). "by-itself" because it calls a webhook outside
 * the database; its table writes take their own advisory lock.
 */
export const evaluateAlertsJob: Job = {
  name: "evaluate-alerts",
  intervalMs: 60_000,
  fencing: "by-itself",
  run: async (deps, now) => {
    await runAlerts(deps, now);
  },
};
