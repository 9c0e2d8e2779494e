import { createDb, type Database } from "@chronicle/db";
import { resolve } from "node:path";
import type { ServerEnv } from "@chronicle/api/env.ts";

/**
 * PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in CHRONICLE_DATA_DIR.
 * On PostgreSQL, migrations run as CHRONICLE_MIGRATION_DATABASE_URL (the owner) when it is
 * set, and everything else as DATABASE_URL, with the fail-fast timeouts of the environment.
 */
export async function openDatabase(env: ServerEnv): Promise<Database> {
  return env.DATABASE_URL
    ? createDb({
        kind: "postgres",
        url: env.DATABASE_URL,
        migrationUrl: env.CHRONICLE_MIGRATION_DATABASE_URL,
        timeouts: { statementTimeoutMs: env.CHRONICLE_DB_STATEMENT_TIMEOUT_MS, connectTimeoutMs: env.CHRONICLE_DB_CONNECT_TIMEOUT_MS },
      })
    : createDb({ kind: "pglite", dataDir: resolve(env.CHRONICLE_DATA_DIR) });
}

export function describeDatabase(env: ServerEnv): string {
  if (!env.DATABASE_URL) return `embedded PGlite in ${resolve(env.CHRONICLE_DATA_DIR)}`;
  const url = new URL(env.DATABASE_URL);
  const owner = env.CHRONICLE_MIGRATION_DATABASE_URL ? new URL(env.CHRONICLE_MIGRATION_DATABASE_URL).username : null;
  const roles = owner && owner !== url.username ? ` as ${url.username} (migrations as ${owner})` : "";
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}${roles}`;
}
