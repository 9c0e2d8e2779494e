import { describe, expect, it } from "vitest";
import { evaluateIngestionAlerts } from "./evaluate-ingestion-alerts.ts";
import type { BatchMetrics } from "./read-batch-metrics.ts";

const quiet: BatchMetrics = {
  batches: 100,
  eventsReceived: 1000,
  accepted: 1000,
  duplicates: 0,
  rejected: 0,
  conflicts: 0,
  latency: { p50: 1, p95: 2, p99: 3 },
  batchSizeCounts: [],
  batchesAtHardLimit: 0,
  batchesExcludingTrack: 100,
  singleEventBatchesExcludingTrack: 0,
};
const noFailures = { batches: 0, events: 0, sinceProcessStart: 0 };
const firing = (metrics: BatchMetrics, failures = noFailures) =>
  Object.fromEntries(evaluateIngestionAlerts(metrics, failures).map((alert) => [alert.name, alert.isFiring]));

describe("evaluateIngestionAlerts", () => {
  it("fires nothing on a healthy window", () => {
    expect(Object.values(firing(quiet))).toEqual([false, false, false, false]);
  });

  it("fires each alert only strictly above its threshold", () => {
    expect(firing({ ...quiet, rejected: 50 }).rejection_rate).toBe(false);
    expect(firing({ ...quiet, rejected: 51 }).rejection_rate).toBe(true);
    expect(firing({ ...quiet, batches: 99 }, { ...noFailures, batches: 1 }).insert_failure_rate).toBe(false);
    expect(firing({ ...quiet, batches: 98 }, { ...noFailures, batches: 2 }).insert_failure_rate).toBe(true);
    expect(firing({ ...quiet, batchesAtHardLimit: 10 }).batch_size_at_limit).toBe(false);
    expect(firing({ ...quiet, batchesAtHardLimit: 11 }).batch_size_at_limit).toBe(true);
    expect(firing({ ...quiet, singleEventBatchesExcludingTrack: 50 }).batch_size_single).toBe(false);
    expect(firing({ ...quiet, singleEventBatchesExcludingTrack: 51 }).batch_size_single).toBe(true);
  });

  it("keeps the batch-size alerts quiet below 20 batches", () => {
    expect(firing({ ...quiet, batches: 19, batchesExcludingTrack: 19, batchesAtHardLimit: 19, singleEventBatchesExcludingTrack: 19 })).toMatchObject({
      batch_size_at_limit: false,
      batch_size_single: false,
    });
  });
});
