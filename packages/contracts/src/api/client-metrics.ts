import { z } from "zod";
import {
  clientMetricCounts,
  emptyClientMetrics,
  MAX_CLIENT_METRICS_HEADER_LENGTH,
  MAX_REPORTED_COUNT,
  type ClientMetricCount,
  type ClientMetricsReport,
} from "../client-metrics-header.ts";
import { eventSources, type EventSource } from "../envelope.ts";

export * from "../client-metrics-header.ts";

const COUNT_VALUE = /^\d{1,9}$/;

/** The report in a header, or null when it is missing or malformed (the request then goes on without it). */
export function parseClientMetricsHeader(header: unknown): ClientMetricsReport | null {
  if (typeof header !== "string" || header.length === 0 || header.length > MAX_CLIENT_METRICS_HEADER_LENGTH) return null;
  const report = emptyClientMetrics(null);
  for (const pair of header.split(",")) {
    const parts = pair.trim().split("=");
    if (parts.length !== 2) return null;
    const [key, value] = parts as [string, string];
    if (key === "source") {
      if (!(eventSources as readonly string[]).includes(value)) return null;
      report.source = value as EventSource;
    } else {
      // Plain checks rather than zod: this runs on every ingest request.
      if (!COUNT_VALUE.test(value)) return null;
      if ((clientMetricCounts as readonly string[]).includes(key)) report[key as ClientMetricCount] = Math.min(Number(value), MAX_REPORTED_COUNT);
    }
  }
  return report;
}

// ---------------------------------------------------------------- on ingestion health

/** Client-reported figures of one window; rates are percentages 0..100, null without a denominator. */
export const clientBehaviourFigures = z.object({
  /** "web", "mobile", "api", or "unknown" for clients that did not say. */
  source: z.string(),
  /** Distinct signed-in clients reporting in a minute, summed over the window's minutes. */
  clientMinutes: z.int(),
  flushes: z.int(),
  requests: z.int(),
  retries: z.int(),
  events: z.int(),
  rejected: z.int(),
  dropped: z.int(),
  /** Retries per 100 requests. */
  retryRate: z.number().nullable(),
  /** Events lost to queue overflow per 100 events the clients tried to deliver (answered + dropped). */
  queueOverflowRate: z.number().nullable(),
  /** Events the server rejected per 100 events it answered for, as the clients counted them. */
  rejectionRate: z.number().nullable(),
  /** Flushes per client per minute the client was active. */
  flushesPerClientMinute: z.number().nullable(),
});
export type ClientBehaviourFigures = z.infer<typeof clientBehaviourFigures>;

export const clientBehaviour = z.object({
  /** Every source together. */
  total: clientBehaviourFigures,
  bySource: z.array(clientBehaviourFigures),
});
export type ClientBehaviour = z.infer<typeof clientBehaviour>;
