import type { Sql } from "postgres";

/**
 * The session-level advisory lock every Chronicle process takes before applying migrations.
 * Advisory locks are scoped to one database, so other databases on the server never wait on it.
 */
const MIGRATION_LOCK_KEY = 727_001_000_001n;

/** How long a process waits for another one to finish migrating before it gives up. */
export const MIGRATION_LOCK_WAIT_SECONDS = 120;

/**
 * Runs `migrate` while holding the migration advisory lock on a dedicated connection, so N
 * processes starting together on an empty database apply the migrations once: the first one
 * applies them, the others wait, then find nothing left to do. Without it, two concurrent
 * `create table` statements collide in pg_class (`duplicate key … pg_class_relname_nsp_index`).
 */
export async function migrateUnderLock(client: Sql, migrate: () => Promise<void>, waitSeconds = MIGRATION_LOCK_WAIT_SECONDS): Promise<void> {
  const connection = await client.reserve();
  try {
    await connection.unsafe(`set statement_timeout = '${waitSeconds}s'`);
    try {
      await connection`select pg_advisory_lock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    } catch (error) {
      if ((error as { code?: string }).code === "57014") {
        throw new Error(
          `Waited ${waitSeconds} s for another Chronicle process to finish applying migrations (advisory lock ${MIGRATION_LOCK_KEY}); ` +
            "check for a stuck `chronicle migrate` or `serve` and stop it.",
          { cause: error },
        );
      }
      throw error;
    }
    await connection.unsafe("set statement_timeout = 0");
    try {
      await migrate();
    } finally {
      await connection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY.toString()}::bigint)`;
    }
  } finally {
    connection.release();
  }
}
