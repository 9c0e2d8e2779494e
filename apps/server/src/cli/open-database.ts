import { createDb, type Database } from "@chronicle/db";
import { resolve } from "node:path";
import type { ServerEnv } from "../env.ts";

/** PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in CHRONICLE_DATA_DIR. */
export async function openDatabase(env: ServerEnv): Promise<Database> {
  return env.DATABASE_URL
    ? createDb({ kind: "postgres", url: env.DATABASE_URL })
    : createDb({ kind: "pglite", dataDir: resolve(env.CHRONICLE_DATA_DIR) });
}

export function describeDatabase(env: ServerEnv): string {
  if (!env.DATABASE_URL) return `embedded PGlite in ${resolve(env.CHRONICLE_DATA_DIR)}`;
  const url = new URL(env.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
