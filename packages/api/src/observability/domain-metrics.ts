import { performance } from "node:perf_hooks";
import { featureExtractionDuration, syncBatches, syncConflicts, syncDuration } from "./metrics.ts";

/** Seed 001's sync figures: one sync.batch by outcome, its duration, and its conflicts by resolution. */
export function observeSyncBatch(outcome: "completed" | "partial" | "failed" | "store_failed", durationMs: number, results: readonly { status: string; resolution?: string }[] = []): void {
  syncBatches.inc({ status: outcome });
  syncDuration.observe(durationMs / 1000);
  for (const result of results) if (result.status === "conflict") syncConflicts.inc({ resolution: result.resolution ?? "unknown" });
}

/** Seed 003's feature-extraction time, around the pure extraction of one game session. */
export function timeFeatureExtraction<T>(extract: () => T): T {
  const started = performance.now();
  try {
    return extract();
  } finally {
    featureExtractionDuration.observe((performance.now() - started) / 1000);
  }
}
