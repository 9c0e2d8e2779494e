import type { SyncHealth } from "@chronicle/contracts";

/** How many recent sync runs the health looks at, as the server's sync.status does (last 20 batches). */
export const HEALTH_WINDOW = 20;

/** One sync run: how many items it tried and how many of those did not go through. */
export interface SyncRun {
  items: number;
  failed: number;
}

/**
 * The failed share of items over the recent runs (a run that could not reach the server
 * fails all its items): good below 5 %, degraded below 20 %, poor from 20 %; good before any run.
 */
export function syncHealthOf(runs: readonly SyncRun[]): SyncHealth {
  const items = runs.reduce((sum, run) => sum + run.items, 0);
  if (items === 0) return "good";
  const failedShare = runs.reduce((sum, run) => sum + run.failed, 0) / items;
  return failedShare < 0.05 ? "good" : failedShare < 0.2 ? "degraded" : "poor";
}
