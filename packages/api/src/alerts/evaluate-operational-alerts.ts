import type { Database } from "@chronicle/db";
import { rowsOf } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { evaluateIngestionAlerts } from "../admin/evaluate-ingestion-alerts.ts";
import { ingestionWindow } from "../admin/ingestion-window.ts";
import { readBatchMetrics } from "../admin/read-batch-metrics.ts";
import { readStoreFailures } from "../admin/read-store-failures.ts";
import { storeFailureSnapshot } from "../observability/ingest-metrics.ts";
import { measureProjectionLag } from "../projections/projection-lag.ts";
import { allProjections } from "../projections/registry.ts";

/** One alert as evaluated now, before it is compared with its last recorded state. */
export interface AlertEvaluation {
  name: string;
  isFiring: boolean;
  value: number;
  threshold: number;
  message: string;
}

/** Seed 000's alerts look at the last quarter hour, as ingestion health's default view does. */
export const ALERT_WINDOW_MINUTES = 15;
/** A projection this far behind the log is stuck, not busy. */
export const PROJECTION_LAG_THRESHOLD_SECONDS = 300;
/** Store failures this recent mean the store is unavailable now. */
export const STORE_UNAVAILABLE_WINDOW_MINUTES = 5;

async function exportFailure(db: Database): Promise<AlertEvaluation> {
  const [latest] = await rowsOf<{ status: string; error: string | null }>(
    db.orm,
    sql`select status, error from export_runs where status <> 'running' order by id desc limit 1`,
  );
  const isFiring = latest !== undefined && latest.status !== "succeeded";
  return {
    name: "export_failed",
    isFiring,
    value: isFiring ? 1 : 0,
    threshold: 0,
    message: isFiring ? `The latest Parquet export run ${latest.status}: ${(latest.error ?? "no error recorded").slice(0, 200)}.` : "The latest Parquet export run succeeded (or none ran).",
  };
}

async function projectionLag(db: Database): Promise<AlertEvaluation> {
  const lags = await measureProjectionLag(db.orm, allProjections);
  const worst = lags.reduce((a, b) => (b.lagSeconds > a.lagSeconds ? b : a), { name: "none", lagSeconds: 0 } as { name: string; lagSeconds: number });
  return {
    name: "projection_lag",
    isFiring: worst.lagSeconds > PROJECTION_LAG_THRESHOLD_SECONDS,
    value: worst.lagSeconds,
    threshold: PROJECTION_LAG_THRESHOLD_SECONDS,
    message: `The most behind projection (${worst.name}) lags ${Math.round(worst.lagSeconds)} s (alert above ${PROJECTION_LAG_THRESHOLD_SECONDS} s).`,
  };
}

async function storeUnavailable(db: Database, now: Date): Promise<AlertEvaluation> {
  const since = new Date(now.getTime() - STORE_UNAVAILABLE_WINDOW_MINUTES * 60_000);
  const [isUp, recent] = await Promise.all([db.ping(), readStoreFailures(db.orm, since, now).catch(() => null)]);
  const failures = (recent?.batches ?? 0) + storeFailureSnapshot().unpersisted.length;
  const isFiring = !isUp || failures > 0;
  return {
    name: "store_unavailable",
    isFiring,
    value: failures,
    threshold: 0,
    message: isUp
      ? `The event store refused ${failures} batch(es) in the last ${STORE_UNAVAILABLE_WINDOW_MINUTES} minutes.`
      : "The database does not answer; ingest answers 503 until it does.",
  };
}

/**
 * Every alert Chronicle watches by itself: seed 000's four ingestion alerts over the last
 * ALERT_WINDOW_MINUTES (the same evaluation ingestion health shows), a failed export, a stuck
 * projection and an unavailable store.
 */
export async function evaluateOperationalAlerts(db: Database, now: Date): Promise<AlertEvaluation[]> {
  const window = ingestionWindow(now, ALERT_WINDOW_MINUTES);
  const [metrics, failures] = await Promise.all([readBatchMetrics(db.orm, window), readStoreFailures(db.orm, window.since, window.until)]);
  return [...evaluateIngestionAlerts(metrics, failures), await exportFailure(db), await projectionLag(db), await storeUnavailable(db, now)];
}
