import type { EventSource } from "./envelope.ts";

/**
 * Seed 000's client behaviour (flush frequency, retry rate, queue overflow rate), counted by the
 * SDK and piggybacked on its ingest requests as one header, so that no extra request is needed:
 *
 *   x-chronicle-client-metrics: source=web,flushes=1,requests=3,retries=2,events=20,rejected=1,dropped=0
 *
 * Each count is the change since the client's previous report. Keys may come in any order and
 * may be missing (0); unknown keys are ignored, so older and newer SDKs both keep working.
 * Zod-free (its own entry point) because the telemetry SDK formats it on every page.
 */
export const CLIENT_METRICS_HEADER = "x-chronicle-client-metrics";

export const clientMetricCounts = [
  /** Flushes that had events to send (each sends one or more requests). */
  "flushes",
  /** HTTP attempts, retries included. */
  "requests",
  /** Attempts that failed in a retryable way (network error, 408, 429, 5xx), whether or not another attempt followed. */
  "retries",
  /** Events in requests the server answered for (accepted, duplicate or rejected). */
  "events",
  /** Events the server answered as rejected. */
  "rejected",
  /** Events the client gave up on because its queue (in memory or IndexedDB) overflowed. */
  "dropped",
] as const;
export type ClientMetricCount = (typeof clientMetricCounts)[number];

/** Longer headers are ignored: a real report is well under 100 characters. */
export const MAX_CLIENT_METRICS_HEADER_LENGTH = 200;
/** One report moves a count by at most this much, so one client cannot skew the figures. */
export const MAX_REPORTED_COUNT = 10_000;

export type ClientMetricsReport = { source: EventSource | null } & Record<ClientMetricCount, number>;

export function emptyClientMetrics(source: EventSource | null): ClientMetricsReport {
  return { source, flushes: 0, requests: 0, retries: 0, events: 0, rejected: 0, dropped: 0 };
}

export function formatClientMetricsHeader(report: ClientMetricsReport): string {
  const counts = clientMetricCounts.map((key) => `${key}=${report[key]}`);
  return [...(report.source ? [`source=${report.source}`] : []), ...counts].join(",");
}
