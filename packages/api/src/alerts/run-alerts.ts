import type { ServerDeps } from "../context.ts";
import { alertsFiring } from "../observability/metrics.ts";
import { evaluateOperationalAlerts } from "./evaluate-operational-alerts.ts";
import { postAlertWebhook } from "./post-alert-webhook.ts";
import { recordAlertTransitions, type AlertTransition } from "./record-alert-transitions.ts";

/**
 * Evaluates every alert, stores the transitions, writes each as a structured log line and
 * POSTs it to CHRONICLE_ALERT_WEBHOOK_URL when set.
 */
export async function runAlerts(deps: Pick<ServerDeps, "db" | "env" | "log">, now: Date, webhookRetryDelayMs?: number): Promise<AlertTransition[]> {
  const evaluations = await evaluateOperationalAlerts(deps.db, now);
  for (const alert of evaluations) alertsFiring.set({ alert: alert.name }, alert.isFiring ? 1 : 0);
  const transitions = await recordAlertTransitions(deps.db, evaluations, now);
  for (const transition of transitions) {
    const log = transition.state === "firing" ? deps.log.warn : deps.log.info;
    log(`alert.${transition.state}`, { alert: transition.name, value: transition.value, threshold: transition.threshold, detail: transition.message });
  }
  const url = deps.env.CHRONICLE_ALERT_WEBHOOK_URL;
  if (url) await Promise.all(transitions.map((transition) => postAlertWebhook(transition, { url, log: deps.log, firstDelayMs: webhookRetryDelayMs })));
  return transitions;
}
