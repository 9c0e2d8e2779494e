import { CLIENT_METRICS_HEADER, parseClientMetricsHeader, type ClientMetricCount } from "@chronicle/contracts";
import type { Database } from "@chronicle/db";
import { bufferClientMetrics } from "../observability/client-metrics-buffer.ts";
import {
  clientAnsweredEvents,
  clientDroppedEvents,
  clientFlushes,
  clientRejectedEvents,
  clientRequests,
  clientRetries,
} from "../observability/metrics.ts";

export { CLIENT_METRICS_HEADER };

const counters: Record<ClientMetricCount, { inc(value: number): void }> = {
  flushes: clientFlushes,
  requests: clientRequests,
  retries: clientRetries,
  events: clientAnsweredEvents,
  rejected: clientRejectedEvents,
  dropped: clientDroppedEvents,
};

export interface ClientMetricsReporter {
  db: Database;
  /** Who sent the report (the token's principal), so that ingestion health can count clients. */
  clientId: string;
  now: Date;
}

/**
 * Adds the SDK's piggybacked report (the contract: @chronicle/contracts client-metrics.ts) to the
 * chronicle_client_* counters and to this process's buffer for client_metrics. A missing or
 * malformed header is ignored: it must never fail the learner's request. Returns whether it counted.
 */
export function recordClientMetrics(header: string | string[] | undefined, reporter: ClientMetricsReporter): boolean {
  const report = parseClientMetricsHeader(header);
  if (report === null) return false;
  for (const [name, counter] of Object.entries(counters) as [ClientMetricCount, (typeof counters)[ClientMetricCount]][]) {
    if (report[name] > 0) counter.inc(report[name]);
  }
  bufferClientMetrics(reporter.db, report, reporter.clientId, reporter.now);
  return true;
}
