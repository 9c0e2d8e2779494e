import type { SQL } from "drizzle-orm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "../schema/index.ts";

export type Schema = typeof schema;
export type Orm = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database itself or an open transaction. */
export type Executor = Orm | Transaction;
export type DatabaseDriver = "pglite" | "postgres";

export interface Database {
  readonly driver: DatabaseDriver;
  readonly orm: Orm;
  /** Runs raw SQL and returns its rows, the same shape on both drivers. */
  rows<T>(query: SQL): Promise<T[]>;
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** True when a trivial query round-trips. */
  ping(): Promise<boolean>;
  /**
   * True when the database answers within `timeoutMs`, asked outside the query pool (a
   * dedicated connection on PostgreSQL), so it is quick even when the pool is stuck. Never throws.
   */
  probe(timeoutMs: number): Promise<boolean>;
  /**
   * performance.now() when the database last sent bytes to the query pool (-Infinity when
   * unknown). Queries in flight while it stays silent, and a failed probe, mean an outage;
   * embedded PGlite cannot go silent and always reports now.
   */
  lastHeardAt(): number;
  close(): Promise<void>;
}

/** PGlite returns `{ rows }`, postgres.js an array: callers see rows either way. */
export async function rowsOf<T>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
