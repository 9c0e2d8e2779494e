import { clientDroppedEvents, clientFlushes, clientRejectedEvents, clientRetries } from "../observability/metrics.ts";

/**
 * The SDK's own counts, piggybacked on its ingest requests (no extra request):
 * `x-chronicle-client-metrics: requests=3,retries=1,rejected=2,dropped=0`, each the change since
 * the client's last report. Unknown keys are ignored; each value is capped so one client cannot
 * move a counter by much.
 */
export const CLIENT_METRICS_HEADER = "x-chronicle-client-metrics";
const MAX_REPORTED = 10_000;

const counters = { requests: clientFlushes, retries: clientRetries, rejected: clientRejectedEvents, dropped: clientDroppedEvents } as const;

/** Adds one report to the chronicle_client_* counters; returns false when the header is malformed (it is then ignored). */
export function recordClientMetrics(header: string | string[] | undefined): boolean {
  if (typeof header !== "string" || header.length > 200) return false;
  const pairs = header.split(",").map((pair) => pair.trim().split("="));
  if (!pairs.every((pair) => pair.length === 2 && /^\d{1,9}$/.test(pair[1]!))) return false;
  for (const [key, value] of pairs) {
    const counter = counters[key as keyof typeof counters];
    if (counter) counter.inc(Math.min(Number(value), MAX_REPORTED));
  }
  return true;
}
