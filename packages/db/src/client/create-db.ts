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
import { rowsOf, type Database, type Orm } from "./database.ts";

export const migrationsFolder = fileURLToPath(new URL("../../drizzle", import.meta.url));

export type DatabaseTarget =
  /** PostgreSQL through postgres.js, the production store. */
  | { kind: "postgres"; url: string; maxConnections?: number }
  /** Embedded PGlite in a persistent folder, or in memory when `dataDir` is omitted. */
  | { kind: "pglite"; dataDir?: string };

export interface CreateDbOptions {
  /** Apply the committed migrations before returning (default true). */
  migrate?: boolean;
}

function wrap(driver: Database["driver"], orm: Orm, close: () => Promise<void>): Database {
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
    return wrap("pglite", orm, async () => {
      if (isClosed) return;
      isClosed = true;
      await client.close();
      unlock();
    });
  } catch (error) {
    unlock();
    throw error;
  }
}

async function openPostgres(url: string, maxConnections: number, runMigrations: boolean): Promise<Database> {
  const client = postgres(url, { max: maxConnections, onnotice: () => {}, connect_timeout: 10 });
  const orm = drizzlePostgres({ client, schema }) as unknown as Orm;
  if (runMigrations) await migrateUnderLock(client, () => migratePostgres(orm as never, { migrationsFolder }));
  return wrap("postgres", orm, () => client.end({ timeout: 5 }));
}

/** Opens Chronicle's database: PostgreSQL when given a URL, otherwise embedded PGlite. */
export async function createDb(target: DatabaseTarget, options: CreateDbOptions = {}): Promise<Database> {
  const runMigrations = options.migrate ?? true;
  return target.kind === "postgres"
    ? openPostgres(target.url, target.maxConnections ?? 10, runMigrations)
    : openPglite(target.dataDir, runMigrations);
}
