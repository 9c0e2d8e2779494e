import { rowsOf, type Database, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { assertLeaseHeld, type Lease } from "../cluster/leases.ts";

/** The cluster lease every export run takes: one run at a time, whoever starts it. */
export const EXPORT_LEASE = "export";

/**
 * An export run that stops renewing (its process was killed or froze) is dead after this long
 * (CHRONICLE_EXPORT_LEASE_SECONDS); the abandon-dead-export-runs job (every 10 s) or the next run
 * cleans it up, well within 2 minutes. A run renews six times per TTL, so one slow renewal is harmless.
 */
export const EXPORT_LEASE_TTL_MS = 30_000;
export const exportRenewMs = (ttlMs: number) => Math.max(250, Math.floor(ttlMs / 6));

/** A run that dies before it finishes never got this far: any run still marked running this long is dead. */
const LEGACY_RUNNING_LIMIT = "1 hour";

/** The folder a successful run's files end up in, relative to the export folder. */
export const runFolder = (runId: number) => join("events", `run=${String(runId).padStart(6, "0")}`);
/** Where a run writes until it succeeds: hidden, so a loader globbing `events/run=*` never reads half a run. */
export const partialRunFolder = (runId: number) => join("events", `.partial-run=${String(runId).padStart(6, "0")}`);

/**
 * Fenced renewal of a running run: the export lease must still be this run's and the run still
 * `running`, or LeaseLostError is thrown and the run must stop writing.
 */
export async function renewExportRun(db: Database, runId: number, lease: Lease, ttlMs = EXPORT_LEASE_TTL_MS): Promise<void> {
  await db.transaction(async (tx) => {
    await assertLeaseHeld(tx, lease, ttlMs);
    const renewed = await rowsOf<{ id: number }>(
      tx,
      sql`update export_runs set lease_expires_at = clock_timestamp() + ${ttlMs} * interval '1 millisecond'
           where id = ${runId} and status = 'running' and lease_token = ${lease.token} returning id::int as id`,
    );
    if (renewed.length === 0) throw Object.assign(new Error(`Export run ${runId} was abandoned while it ran; its files are not kept.`), { name: "LeaseLostError" });
  });
}

interface DeadRun {
  id: number;
  out_dir: string | null;
}

/**
 * Marks every running run whose lease has expired `abandoned` (and, with `isLeaseHeld`, every
 * running run at all: whoever holds the export lease knows no other run is alive). Returns them
 * so the caller removes their folders once this commits.
 */
export async function abandonDeadRunsIn(tx: Executor, options: { isLeaseHeld: boolean }): Promise<DeadRun[]> {
  const isDead = options.isLeaseHeld
    ? sql`true`
    : sql`(lease_expires_at < clock_timestamp() or (lease_expires_at is null and started_at < now() - ${LEGACY_RUNNING_LIMIT}::interval))`;
  return rowsOf<DeadRun>(
    tx,
    sql`update export_runs
           set status = 'abandoned', finished_at = now(),
               error = 'abandoned: its process stopped renewing the export lease (killed or frozen); its files were removed'
         where status = 'running' and ${isDead}
        returning id::int as id, out_dir`,
  );
}

/** Removes whatever a dead run left, under both its names. Best effort: a folder may be gone already. */
export async function removeRunFiles(runs: readonly DeadRun[], fallbackOutDir?: string): Promise<void> {
  for (const run of runs) {
    const outDir = run.out_dir ?? fallbackOutDir;
    if (!outDir) continue;
    for (const folder of [runFolder(run.id), partialRunFolder(run.id)]) {
      await rm(join(outDir, folder), { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

/** Any worker's cleanup of dead runs: abandon them and remove their files. */
export async function abandonDeadExportRuns(db: Database, fallbackOutDir?: string): Promise<number[]> {
  const dead = await db.transaction((tx) => abandonDeadRunsIn(tx, { isLeaseHeld: false }));
  await removeRunFiles(dead, fallbackOutDir);
  return dead.map((run) => run.id);
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/**
 * Makes a succeeded run's files visible: renames its hidden folder to `events/run=<id>`. A run
 * commits `succeeded` first and publishes after, so a loader never sees the folder of a run that
 * could still be abandoned; a run whose process died between the two is published by the
 * abandon-dead-export-runs job (`publishSucceededRuns`). Returns true when it renamed.
 */
export async function publishRunFolder(outDir: string, runId: number): Promise<boolean> {
  const hidden = join(outDir, partialRunFolder(runId));
  if (!(await exists(hidden)) || (await exists(join(outDir, runFolder(runId))))) return false;
  await rename(hidden, join(outDir, runFolder(runId)));
  return true;
}

/** Publishes the recent succeeded runs whose process died before it renamed their folder. */
export async function publishSucceededRuns(db: Database, fallbackOutDir?: string): Promise<number[]> {
  const runs = await rowsOf<{ id: number; out_dir: string | null }>(
    db.orm,
    sql`select id::int as id, out_dir from export_runs where status = 'succeeded' and jsonb_array_length(files) > 0 order by id desc limit 20`,
  );
  const published: number[] = [];
  for (const run of runs) {
    const outDir = run.out_dir ?? fallbackOutDir;
    if (outDir && (await publishRunFolder(outDir, run.id).catch(() => false))) published.push(run.id);
  }
  return published;
}
