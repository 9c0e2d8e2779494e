import { clientMetricCounts, type ClientMetricCount, type ClientMetricsReport } from "@chronicle/contracts";
import { clientMetrics, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";

const MINUTE_MS = 60_000;

interface MinuteSums {
  minute: string;
  source: string;
  counts: Record<ClientMetricCount, number>;
  /** Clients seen in this minute so far, so that a client reporting twice counts once. */
  seen: Set<string>;
  /** Clients first seen since the last write. */
  newClients: number;
}

/** Per database (by its query builder, the same for an instrumented handle): tests run several servers in one process. */
const buffers = new WeakMap<object, Map<string, MinuteSums>>();

function bufferOf(db: Database): Map<string, MinuteSums> {
  let buffer = buffers.get(db.orm);
  if (!buffer) {
    buffer = new Map();
    buffers.set(db.orm, buffer);
  }
  return buffer;
}

/**
 * Adds one client report to this process's sums for the current minute; nothing is written
 * here, so ingest requests never wait on it. persistClientMetrics writes the sums.
 */
export function bufferClientMetrics(db: Database, report: ClientMetricsReport, clientId: string, now: Date): void {
  const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS).toISOString();
  const source = report.source ?? "unknown";
  const buffer = bufferOf(db);
  const key = `${minute} ${source}`;
  let sums = buffer.get(key);
  if (!sums) {
    sums = { minute, source, counts: { flushes: 0, requests: 0, retries: 0, events: 0, rejected: 0, dropped: 0 }, seen: new Set(), newClients: 0 };
    buffer.set(key, sums);
  }
  for (const name of clientMetricCounts) sums.counts[name] += report[name];
  if (!sums.seen.has(clientId)) {
    sums.seen.add(clientId);
    sums.newClients += 1;
  }
}

function hasSomethingToWrite(sums: MinuteSums): boolean {
  return sums.newClients > 0 || clientMetricCounts.some((name) => sums.counts[name] > 0);
}

/**
 * Writes the buffered sums with one upsert that adds to what other processes wrote. On failure
 * the sums stay buffered and are written with the next call. Minutes older than the current
 * one are forgotten once written.
 */
export async function persistClientMetrics(db: Database, now: Date): Promise<void> {
  const buffer = bufferOf(db);
  const pending = [...buffer.values()].filter(hasSomethingToWrite);
  if (pending.length > 0) {
    const rows = pending.map((sums) => ({ minute: sums.minute, source: sums.source, clients: sums.newClients, ...sums.counts }));
    const added = (column: string) => sql.raw(`client_metrics.${column} + excluded.${column}`);
    await db.orm
      .insert(clientMetrics)
      .values(rows)
      .onConflictDoUpdate({
        target: [clientMetrics.minute, clientMetrics.source],
        set: Object.fromEntries(["clients", ...clientMetricCounts].map((column) => [column, added(column)])),
      });
    // Reports that arrived while the write was under way stay for the next one.
    pending.forEach((sums, index) => {
      const written = rows[index]!;
      for (const name of clientMetricCounts) sums.counts[name] -= written[name];
      sums.newClients -= written.clients;
    });
  }
  const currentMinute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  for (const [key, sums] of buffer) {
    if (Date.parse(sums.minute) < currentMinute && !hasSomethingToWrite(sums)) buffer.delete(key);
  }
}

/** How often an API process writes its buffered client figures: ingest never waits, and the page is at most this stale. */
export const CLIENT_METRICS_WRITE_INTERVAL_MS = 5_000;

/** Writes the buffer every few seconds until the returned function is called (which writes it once more). */
export function writeClientMetricsPeriodically(db: Database, now: () => Date, onError: (error: unknown) => void): () => Promise<void> {
  const write = () => persistClientMetrics(db, now()).catch(onError);
  const timer = setInterval(() => void write(), CLIENT_METRICS_WRITE_INTERVAL_MS);
  // A process that is otherwise done must not stay alive for this timer.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await write();
  };
}
