import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { setTimeout as sleep } from "node:timers/promises";
import { acquireLease, LEASE_RENEW_MS, releaseLease, renewLeaseNow, type Lease } from "./leases.ts";

/** Held by `chronicle rebuild` while it rewrites the aggregates; workers do not project meanwhile. */
export const REBUILD_LEASE = "rebuild";
/** Every process that runs projections holds one of these, so a rebuild can see it. */
export const workerLeaseName = (holder: string) => `worker:${holder}`;

/** Live holders of leases whose name starts with `prefix`, by the database clock. */
export async function liveHolders(db: Database, prefix: string): Promise<string[]> {
  const rows = await db.rows<{ holder: string }>(
    sql`select holder from leases where name like ${`${prefix}%`} and expires_at > clock_timestamp() order by holder`,
  );
  return rows.map((row) => row.holder);
}

/**
 * Announces this process as a worker (a lease renewed every few seconds) and waits while a
 * `chronicle rebuild` holds the rebuild lease. The worker writes its lease before it reads the
 * rebuild's, and the rebuild does the opposite, so at least one of them sees the other.
 */
export async function announceWorker(db: Database, holder: string, log: (line: string) => void): Promise<{ stop(): Promise<void> }> {
  let lease: Lease | null = null;
  let hasWaited = false;
  for (;;) {
    lease = await acquireLease(db, workerLeaseName(holder), holder);
    if ((await liveHolders(db, REBUILD_LEASE)).length === 0) break;
    if (lease) await releaseLease(db.orm, lease);
    if (!hasWaited) log("[chronicle] a `chronicle rebuild` is running; projections and jobs start when it finishes.");
    hasWaited = true;
    await sleep(LEASE_RENEW_MS);
  }
  const renewer = setInterval(() => {
    if (!lease) return;
    void renewLeaseNow(db, lease)
      .then(async (outcome) => {
        if (outcome === "lost") lease = await acquireLease(db, workerLeaseName(holder), holder);
      })
      .catch(() => undefined);
  }, LEASE_RENEW_MS);
  renewer.unref();
  return {
    async stop() {
      clearInterval(renewer);
      if (lease) await releaseLease(db.orm, lease).catch(() => undefined);
    },
  };
}

