import type { Database } from "@chronicle/db";
import { performance } from "node:perf_hooks";
import { dbPoolInUse, dbPoolMax, dbQueryDuration } from "./metrics.ts";

/** postgres.js's pool size as opened by @chronicle/db; PGlite serves one connection. */
const POSTGRES_POOL_SIZE = 10;

async function timed<T>(kind: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  dbPoolInUse.inc();
  try {
    return await work();
  } finally {
    dbPoolInUse.dec();
    dbQueryDuration.observe({ kind }, (performance.now() - started) / 1000);
  }
}

const instrumented = new WeakSet<Database>();

/**
 * The same database handle, with its transactions and row queries timed and counted while they
 * hold a pooled connection, for chronicle_db_query_duration_seconds and chronicle_db_pool_in_use_connections.
 */
export function instrumentDatabase(db: Database): Database {
  if (instrumented.has(db)) return db;
  dbPoolMax.set(db.driver === "pglite" ? 1 : POSTGRES_POOL_SIZE);
  // Delegates through the prototype, so anything else the handle offers (now or later) stays live.
  const wrapped: Database = Object.assign(Object.create(db) as Database, {
    transaction: ((work) => timed("transaction", () => db.transaction(work))) as Database["transaction"],
    rows: ((query) => timed("rows", () => db.rows(query))) as Database["rows"],
    ping: () => timed("ping", () => db.ping()),
  });
  instrumented.add(wrapped);
  return wrapped;
}
