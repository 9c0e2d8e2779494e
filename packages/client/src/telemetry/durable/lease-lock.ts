import { runTransaction } from "./run-transaction.ts";
import { FLUSH_LEASE_KEY, META_STORE } from "./telemetry-database.ts";

interface FlushLease {
  owner: string;
  expiresAt: number;
}

/** Long enough to outlast a slow request; short enough that a closed tab's lease soon lapses. */
const LEASE_MS = 10_000;
const POLL_MS = 250;
/** `flush()` waits at most this long for another tab's flush, so a stuck lease cannot hold it forever. */
const MAX_WAIT_MS = 30_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Takes or renews the lease when it is free, lapsed or already ours. */
function tryTakeLease(db: IDBDatabase, owner: string): Promise<boolean> {
  return runTransaction(db, [META_STORE], "readwrite", (transaction) => {
    const outcome = { isTaken: false };
    const meta = transaction.objectStore(META_STORE);
    const request = meta.get(FLUSH_LEASE_KEY);
    request.onsuccess = () => {
      const lease = request.result as FlushLease | undefined;
      const now = Date.now();
      if (lease !== undefined && lease.owner !== owner && lease.expiresAt > now) return;
      meta.put({ owner, expiresAt: now + LEASE_MS } satisfies FlushLease, FLUSH_LEASE_KEY);
      outcome.isTaken = true;
    };
    return outcome;
  }).then((outcome) => outcome.isTaken);
}

function giveUpLease(db: IDBDatabase, owner: string): Promise<void> {
  return runTransaction(db, [META_STORE], "readwrite", (transaction) => {
    const meta = transaction.objectStore(META_STORE);
    const request = meta.get(FLUSH_LEASE_KEY);
    request.onsuccess = () => {
      if ((request.result as FlushLease | undefined)?.owner === owner) meta.delete(FLUSH_LEASE_KEY);
    };
  });
}

/**
 * The flush lock for browsers without the Web Locks API: a lease record in IndexedDB with an
 * expiry, renewed while the flush runs, so a tab that closes mid-flush blocks others briefly.
 */
export async function withLeaseLock(db: IDBDatabase, owner: string, shouldWait: boolean, task: () => Promise<void>): Promise<void> {
  let isTaken = await tryTakeLease(db, owner);
  for (let waited = 0; !isTaken && shouldWait && waited < MAX_WAIT_MS; waited += POLL_MS) {
    await sleep(POLL_MS);
    isTaken = await tryTakeLease(db, owner);
  }
  if (!isTaken) return;
  const renewal = setInterval(() => void tryTakeLease(db, owner).catch(() => {}), LEASE_MS / 3);
  try {
    await task();
  } finally {
    clearInterval(renewal);
    await giveUpLease(db, owner).catch(() => {});
  }
}
