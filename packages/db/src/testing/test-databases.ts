import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { createDb } from "../client/create-db.ts";
import type { Database, DatabaseDriver } from "../client/database.ts";

/**
 * The drivers every database suite runs on: PGlite always, PostgreSQL as well when
 * DATABASE_URL is set (CI sets it), so both stores are tested for real.
 */
export function databaseTargets(): DatabaseDriver[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated database for one suite. On PostgreSQL each suite gets its own
 * throw-away database so suites running in parallel never see each other's rows.
 */
export async function createTestDb(driver: DatabaseDriver): Promise<Database> {
  if (driver === "pglite") return createDb({ kind: "pglite" });
  const throwaway = await createThrowawayPostgres();
  const db = await createDb({ kind: "postgres", url: throwaway.url, maxConnections: 5 });
  return {
    ...db,
    async close() {
      await db.close();
      await throwaway.drop();
    },
  };
}

/**
 * An empty database of its own on the PostgreSQL server of DATABASE_URL (not migrated), for
 * suites that connect in their own way (through a fault proxy, as another role). `drop` removes it.
 */
export async function createThrowawayPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL must be set to run the PostgreSQL suites.");
  const name = `chronicle_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
