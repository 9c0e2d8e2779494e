import { listEventPartitions, type Database } from "@chronicle/db";
import { readExportStatus } from "../admin/export-status.ts";
import { measureProjectionLag } from "../projections/projection-lag.ts";
import { allProjections } from "../projections/registry.ts";
import { monthsAheadByFamily } from "./months-ahead.ts";
import { databaseUp, exportEventsWaiting, exportLastSuccess, logMonthsAhead, projectionLag, projectionPending } from "./metrics.ts";

/** A scrape never waits longer than this on the database; the gauges then keep their last values. */
const SCRAPE_DB_TIMEOUT_MS = 2000;

function withinTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, fail) => setTimeout(() => fail(new Error("database probe timed out")), SCRAPE_DB_TIMEOUT_MS).unref()),
  ]);
}

/**
 * Reads the gauges that describe the shared database at scrape time, so every process reports
 * the same truth: projection lag and pending events, the export's last success and backlog,
 * and how many months of the log's partitions are ready ahead.
 */
export async function scrapeDatabaseGauges(db: Database): Promise<void> {
  try {
    const [lags, exportStatus, partitions] = await withinTimeout(
      Promise.all([measureProjectionLag(db.orm, allProjections), readExportStatus(db.orm), listEventPartitions(db.orm)]),
    );
    for (const [family, months] of monthsAheadByFamily(partitions, new Date())) logMonthsAhead.set({ family }, months);
    for (const lag of lags) {
      projectionLag.set({ projection: lag.name }, lag.lagSeconds);
      projectionPending.set({ projection: lag.name }, lag.pendingEvents);
    }
    exportLastSuccess.set(exportStatus.lastSucceededAt ? Date.parse(exportStatus.lastSucceededAt) / 1000 : 0);
    exportEventsWaiting.set(exportStatus.eventsNotExported);
    databaseUp.set(1);
  } catch {
    databaseUp.set(0);
  }
}
