import type { EventSource as TelemetrySource } from "@chronicle/contracts";
import { emptyClientMetrics, formatClientMetricsHeader, type ClientMetricCount, type ClientMetricsReport } from "@chronicle/contracts/client-metrics-header";

/**
 * This client's counts since its last report, piggybacked on its next ingest request as the
 * x-chronicle-client-metrics header (contract: @chronicle/contracts client-metrics.ts), so the
 * server sees seed 000's client behaviour without an extra request.
 */
export interface ClientMetrics {
  count(name: ClientMetricCount, by?: number): void;
  /** The header value for a request about to be sent; the counts stay until `delivered`. */
  takeReport(): { header: string; delivered(): void };
}

export function createClientMetrics(source: TelemetrySource): ClientMetrics {
  const unreported: ClientMetricsReport = emptyClientMetrics(source);
  return {
    count(name, by = 1) {
      unreported[name] += by;
    },
    takeReport() {
      const report = { ...unreported };
      return {
        header: formatClientMetricsHeader(report),
        delivered() {
          // The server has this report: keep only what was counted since it was taken.
          for (const name of Object.keys(report) as (keyof ClientMetricsReport)[]) {
            if (name !== "source") unreported[name] -= report[name];
          }
        },
      };
    },
  };
}
