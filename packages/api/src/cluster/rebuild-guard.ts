import type { Database } from "@chronicle/db";
import { acquireLease, LEASE_RENEW_MS, newHolderId, releaseLease, renewLeaseNow } from "./leases.ts";
import { liveHolders, REBUILD_LEASE } from "./worker-presence.ts";

/**
 * Takes the rebuild lease for `chronicle rebuild`, or refuses when workers are projecting: a
 * rebuild must never interleave with them. Workers that start meanwhile wait for it to finish.
 * Returns the release to call when the rebuild is done.
 */
export async function holdRebuildLease(db: Database): Promise<() => Promise<void>> {
  const lease = await acquireLease(db, REBUILD_LEASE, newHolderId());
  if (!lease) {
    const [other] = await liveHolders(db, REBUILD_LEASE);
    throw new Error(`Another \`chronicle rebuild\` (${other ?? "another process"}) is running on this database; wait for it to finish.`);
  }
  const workers = await liveHolders(db, "worker:");
  if (workers.length > 0) {
    await releaseLease(db.orm, lease);
    throw new Error(
      `${workers.length} process${workers.length === 1 ? " is" : "es are"} running projections on this database (${workers.join(", ")}); ` +
        "stop every `chronicle serve --role worker` and `--role all` process first, then rebuild (API-only processes may keep running).",
    );
  }
  const renewer = setInterval(() => void renewLeaseNow(db, lease).catch(() => undefined), LEASE_RENEW_MS);
  renewer.unref();
  return async () => {
    clearInterval(renewer);
    await releaseLease(db.orm, lease);
  };
}
