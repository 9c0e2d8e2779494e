import type { IngestionAlert } from "@chronicle/contracts";
import type { BatchMetrics } from "./read-batch-metrics.ts";
import type { StoreFailureCounts } from "./read-store-failures.ts";

/** Seed 000's recommended alerts; each fires only strictly above its threshold. */
export const REJECTION_RATE_THRESHOLD_PERCENT = 5;
export const INSERT_FAILURE_RATE_THRESHOLD_PERCENT = 1;
/**
 * Batch-size anomalies: "too large" is more than 10 % of batches sitting exactly at a hard limit
 * (50 for learners, 1000 for services: clients are likely truncating or falling behind);
 * "too small" is more than 50 % of batch calls (telemetry.track excluded, it is single-event
 * by design) carrying one event (clients flush on every event instead of every 10 or 12 s).
 * Both need at least MIN_BATCHES_FOR_SIZE_ALERTS batches so that a quiet window stays quiet.
 */
export const BATCH_AT_LIMIT_THRESHOLD_PERCENT = 10;
export const SINGLE_EVENT_BATCH_THRESHOLD_PERCENT = 50;
export const MIN_BATCHES_FOR_SIZE_ALERTS = 20;

export function percentOf(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100 * 1000) / 1000 : 0;
}

export function evaluateIngestionAlerts(metrics: BatchMetrics, failures: StoreFailureCounts): IngestionAlert[] {
  const rejectionRate = percentOf(metrics.rejected, metrics.eventsReceived);
  const failureRate = percentOf(failures.batches, metrics.batches + failures.batches);
  const atLimit = percentOf(metrics.batchesAtHardLimit, metrics.batches);
  const single = percentOf(metrics.singleEventBatchesExcludingTrack, metrics.batchesExcludingTrack);
  const enoughBatches = metrics.batches >= MIN_BATCHES_FOR_SIZE_ALERTS;
  return [
    {
      name: "rejection_rate",
      isFiring: rejectionRate > REJECTION_RATE_THRESHOLD_PERCENT,
      value: rejectionRate,
      threshold: REJECTION_RATE_THRESHOLD_PERCENT,
      message: `${rejectionRate}% of ${metrics.eventsReceived} received events were rejected (alert above ${REJECTION_RATE_THRESHOLD_PERCENT}%).`,
    },
    {
      name: "insert_failure_rate",
      isFiring: failureRate > INSERT_FAILURE_RATE_THRESHOLD_PERCENT,
      value: failureRate,
      threshold: INSERT_FAILURE_RATE_THRESHOLD_PERCENT,
      message: `${failureRate}% of ${metrics.batches + failures.batches} batches could not be stored (alert above ${INSERT_FAILURE_RATE_THRESHOLD_PERCENT}%).`,
    },
    {
      name: "batch_size_at_limit",
      isFiring: enoughBatches && atLimit > BATCH_AT_LIMIT_THRESHOLD_PERCENT,
      value: atLimit,
      threshold: BATCH_AT_LIMIT_THRESHOLD_PERCENT,
      message: `${atLimit}% of ${metrics.batches} batches were exactly at a hard limit of 50 or 1000 events (alert above ${BATCH_AT_LIMIT_THRESHOLD_PERCENT}% with at least ${MIN_BATCHES_FOR_SIZE_ALERTS} batches).`,
    },
    {
      name: "batch_size_single",
      isFiring: enoughBatches && single > SINGLE_EVENT_BATCH_THRESHOLD_PERCENT,
      value: single,
      threshold: SINGLE_EVENT_BATCH_THRESHOLD_PERCENT,
      message: `${single}% of ${metrics.batchesExcludingTrack} batch calls carried a single event (alert above ${SINGLE_EVENT_BATCH_THRESHOLD_PERCENT}% with at least ${MIN_BATCHES_FOR_SIZE_ALERTS} batches).`,
    },
  ];
}
