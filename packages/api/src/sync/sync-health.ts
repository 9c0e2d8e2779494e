import type { SyncHealth } from "@chronicle/contracts";

/** How many of a learner's latest sync batches the health looks at. */
export const SYNC_HEALTH_WINDOW_BATCHES = 20;
/** Below 5 % failed items the sync is good; below 20 % degraded; from 20 % poor. */
export const DEGRADED_FAILURE_RATE = 0.05;
export const POOR_FAILURE_RATE = 0.2;

/** Seed 001's syncHealth from the share of failed items; no batches yet is good (nothing has failed). */
export function syncHealthOf(failedItems: number, items: number): SyncHealth {
  const failureRate = items === 0 ? 0 : failedItems / items;
  if (failureRate >= POOR_FAILURE_RATE) return "poor";
  if (failureRate >= DEGRADED_FAILURE_RATE) return "degraded";
  return "good";
}
