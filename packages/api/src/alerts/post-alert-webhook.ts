import type { Logger } from "../observability/logger.ts";
import type { AlertTransition } from "./record-alert-transitions.ts";

export interface WebhookOptions {
  url: string;
  log: Logger;
  /** Tries in all, the first included. */
  attempts?: number;
  /** Wait before the second try; doubled before each later one. */
  firstDelayMs?: number;
  timeoutMs?: number;
}

/**
 * POSTs one transition as JSON, retrying on network errors and non-2xx answers with a
 * doubling delay. Returns whether a try succeeded; a final failure is logged, never thrown,
 * so one dead receiver cannot stop the next alerts.
 */
export async function postAlertWebhook(transition: AlertTransition, options: WebhookOptions): Promise<boolean> {
  const attempts = options.attempts ?? 4;
  let delay = options.firstDelayMs ?? 1000;
  let lastProblem = "";
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      const response = await fetch(options.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ source: "chronicle", alert: transition.name, ...transition }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      if (response.ok) return true;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (attempt < attempts) {
      await new Promise((wait) => setTimeout(wait, delay));
      delay *= 2;
    }
  }
  options.log.error("alert.webhook_failed", { alert: transition.name, state: transition.state, attempts, problem: lastProblem });
  return false;
}
