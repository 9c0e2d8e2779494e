import type { AdminIngestionHealthOutput } from "@chronicle/contracts";
import type { Database } from "@chronicle/db";
import { readAlertHistory } from "../alerts/record-alert-transitions.ts";
import { persistClientMetrics } from "../observability/client-metrics-buffer.ts";
import { persistStoreFailures } from "../observability/ingest-metrics.ts";
import { measureProjectionLag } from "../projections/projection-lag.ts";
import type { Projection } from "../projections/projection.ts";
import { batchSizeRanges } from "./batch-size-buckets.ts";
import { evaluateIngestionAlerts, percentOf } from "./evaluate-ingestion-alerts.ts";
import { ingestionWindow } from "./ingestion-window.ts";
import { readBatchMetrics } from "./read-batch-metrics.ts";
import { readClientBehaviour } from "./read-client-behaviour.ts";
import { readClockSkew } from "./read-clock-skew.ts";
import { readRejectionReasons } from "./read-rejection-reasons.ts";
import { readStoreFailures } from "./read-store-failures.ts";
import { readThroughput } from "./read-throughput.ts";

export interface IngestionHealthRequest {
  windowMinutes: number;
  bucketSeconds?: number;
  now: Date;
}

/** Seed 000's "Monitoring & Alerts" metrics over a recent window, with its alerts evaluated. */
export async function readIngestionHealth(db: Database, projections: readonly Projection[], request: IngestionHealthRequest): Promise<AdminIngestionHealthOutput> {
  const window = ingestionWindow(request.now, request.windowMinutes, request.bucketSeconds);
  // Failures kept in memory while the database was failing are written now that it answers.
  await persistStoreFailures(db).catch(() => undefined);
  // So is what this process's clients reported since its last periodic write.
  await persistClientMetrics(db, request.now).catch(() => undefined);
  const [metrics, throughput, reasons, skew, failures, lag, clientBehaviour] = await Promise.all([
    readBatchMetrics(db.orm, window),
    readThroughput(db.orm, window),
    readRejectionReasons(db.orm, window.since, window.until),
    readClockSkew(db.orm, window.since, window.until),
    readStoreFailures(db.orm, window.since, window.until),
    measureProjectionLag(db.orm, projections),
    readClientBehaviour(db.orm, window.since, window.until),
  ]);
  const windowSeconds = (window.until.getTime() - window.since.getTime()) / 1000;
  return {
    windowStart: window.since.toISOString(),
    windowEnd: window.until.toISOString(),
    bucketSeconds: window.bucketSeconds,
    totals: {
      batches: metrics.batches,
      eventsReceived: metrics.eventsReceived,
      accepted: metrics.accepted,
      duplicates: metrics.duplicates,
      rejected: metrics.rejected,
      conflicts: metrics.conflicts,
    },
    eventsPerSecond: metrics.accepted / windowSeconds,
    throughput,
    batchSizes: batchSizeRanges.map((range, i) => ({ ...range, batches: metrics.batchSizeCounts[i] ?? 0 })),
    rejectionRate: percentOf(metrics.rejected, metrics.eventsReceived),
    duplicateRate: percentOf(metrics.duplicates, metrics.eventsReceived),
    topRejectionReasons: reasons,
    insertLatencyMs: metrics.latency,
    failedInserts: {
      batches: failures.batches,
      events: failures.events,
      rate: percentOf(failures.batches, metrics.batches + failures.batches),
      sinceProcessStart: failures.sinceProcessStart,
    },
    clockSkew: skew,
    projectionLag: lag,
    alerts: evaluateIngestionAlerts(metrics, failures),
    alertHistory: await readAlertHistory(db),
    clientBehaviour,
  };
}
