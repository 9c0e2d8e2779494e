import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import * as schema from "../schema/index.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { migrateUnderLock } from "./migrate-under-lock.ts";
import { createPostgresProbe } from "./availability-probe.ts";
import { heardFromDatabase } from "./heard-from-database.ts";
import { postgresSessionOptions, type PostgresTimeouts } from "./postgres-session-options.ts";
import { rowsOf, type Database, type Orm } from "./database.ts";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

export type DatabaseTarget =
  /** PostgreSQL through postgres.js, the production store. */
  | {
      kind: "postgres";
      /** The role the application's queries run as (in production a login role that owns nothing). */
      url: string;
      /** The owner that applies migrations; defaults to `url` (one role for development). */
      migrationUrl?: string;
      maxConnections?: number;
      /** Fail-fast limits for the application's connections; see postgres-session-options.ts. */
      timeouts?: Partial<PostgresTimeouts>;
    }
  /** Embedded PGlite in a persistent folder, or in memory when `dataDir` is omitted. */
  | { kind: "pglite"; dataDir?: string };

export interface CreateDbOptions {
  /** Apply the committed migrations before returning (default true). */
  migrate?: boolean;
}

function wrap(
  driver: Database["driver"],
  orm: Orm,
  close: () => Promise<void>,
  probe: Database["probe"],
  lastHeardAt: Database["lastHeardAt"],
): Database {
  return {
    driver,
    orm,
    rows: (query) => rowsOf(orm, query),
    transaction: (work) => orm.transaction(work),
    async ping() {
      try {
        await rowsOf(orm, sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    probe,
    lastHeardAt,
    close,
  };
}

async function openPglite(dataDir: string | undefined, runMigrations: boolean): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const client = dataDir ? new PGlite(join(dataDir, "pgdata")) : new PGlite();
    await client.waitReady;
    const orm = drizzlePglite({ client, schema }) as unknown as Orm;
    if (runMigrations) await migratePglite(orm as never, { migrationsFolder });
    let isClosed = false;
    // In-process: nothing can stall or drop between Chronicle and PGlite, only close() stops it.
    const probe = async () => !isClosed;
    return wrap(
      "pglite",
      orm,
      async () => {
        if (isClosed) return;
        isClosed = true;
        await client.close();
        unlock();
      },
      probe,
      () => (isClosed ? Number.NEGATIVE_INFINITY : performance.now()),
    );
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Migrations run as the owner, on connections of their own with no statement timeout. */
async function migratePostgresAsOwner(migrationUrl: string): Promise<void> {
  const owner = postgres(migrationUrl, { max: 2, onnotice: () => {}, connect_timeout: 10 });
  try {
    const orm = drizzlePostgres({ client: owner, schema });
    await migrateUnderLock(owner, () => migratePostgres(orm, { migrationsFolder }));
  } finally {
    await owner.end({ timeout: 5 });
  }
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>, runMigrations: boolean): Promise<Database> {
  if (runMigrations) await migratePostgresAsOwner(target.migrationUrl ?? target.url);
  const heard = heardFromDatabase(target.url);
  const client = postgres(target.url, {
    max: target.maxConnections ?? 10,
    onnotice: () => {},
    ...postgresSessionOptions(target.timeouts),
    ...(heard.socket ? { socket: heard.socket as never } : {}),
  });
  const orm = drizzlePostgres({ client, schema }) as unknown as Orm;
  const probe = createPostgresProbe(target.url);
  return wrap(
    "postgres",
    orm,
    async () => {
      await probe.close();
      await client.end({ timeout: 5 });
    },
    probe.probe,
    heard.lastHeardAt,
  );
}

/** Opens Chronicle's database: PostgreSQL when given a URL, otherwise embedded PGlite. */
export async function createDb(target: DatabaseTarget, options: CreateDbOptions = {}): Promise<Database> {
  const runMigrations = options.migrate ?? true;
  return target.kind === "postgres" ? openPostgres(target, runMigrations) : openPglite(target.dataDir, runMigrations);
}
