import { rowsOf, type Database, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";

/** A lease this process holds: its name and the fencing token it was granted. */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  readonly token: number;
}

/**
 * Another process takes over a lease whose holder died or froze after this long. Holders renew
 * every LEASE_RENEW_MS, so a live holder keeps it with two renewals to spare.
 */
export const LEASE_TTL_MS = 10_000;
export const LEASE_RENEW_MS = 3_000;

/** How long taking or checking a lease waits for a row lock held by another (maybe frozen) process. */
const LEASE_LOCK_TIMEOUT = "2s";

/**
 * Limits for every short coordination transaction (taking, renewing, claiming). A process frozen
 * (SIGSTOP, a long GC, a paused VM) between two statements of one of them holds the lease row it
 * touched; the server ends that session after 5 s idle, so the lease can still change hands
 * within its TTL. Without this the row stays locked for as long as the process is frozen.
 */
export const COORDINATION_TX_LIMITS = sql.raw(
  `select set_config('lock_timeout', '${LEASE_LOCK_TIMEOUT}', true), set_config('idle_in_transaction_session_timeout', '5s', true)`,
);

/** This process's name in the leases table: host, pid and a random tag (pids repeat across containers). */
export function newHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/** Thrown where a write is fenced: the lease was taken over, so this process must not write. */
export class LeaseLostError extends Error {
  constructor(lease: Lease) {
    super(`Lease '${lease.name}' (token ${lease.token}) is no longer held by ${lease.holder}; another process took it over, so this work was not written.`);
    this.name = "LeaseLostError";
  }
}

/**
 * Takes `name` for `holder` when it is free, expired, or already this holder's, in one atomic
 * upsert judged by the database clock. Returns the lease with its new token, or null when
 * another live holder has it. The token grows on every acquisition, never resets.
 */
export async function acquireLease(db: Database, name: string, holder: string, ttlMs = LEASE_TTL_MS): Promise<Lease | null> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(COORDINATION_TX_LIMITS);
      return acquireLeaseIn(tx, name, holder, ttlMs);
    });
  } catch (error) {
    // A frozen holder in the middle of a fenced commit holds the row: treat it as taken, retry later.
    if (isLockTimeout(error)) return null;
    throw error;
  }
}

/** acquireLease inside the caller's transaction, so the claim commits (or not) with its work. */
export async function acquireLeaseIn(executor: Executor, name: string, holder: string, ttlMs = LEASE_TTL_MS): Promise<Lease | null> {
  const [row] = await rowsOf<{ token: string }>(
    executor,
    sql`insert into leases (name, holder, token, acquired_at, expires_at)
        values (${name}, ${holder}, 1, clock_timestamp(), clock_timestamp() + ${ttlMs} * interval '1 millisecond')
        on conflict (name) do update
          set holder = excluded.holder, token = leases.token + 1, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
          where leases.expires_at <= clock_timestamp() or leases.holder = excluded.holder
        returning token::text as token`,
  );
  return row ? { name, holder, token: Number(row.token) } : null;
}

/** Pushes the expiry out by `ttlMs`; false when the lease was lost (expired and taken over). */
export async function renewLease(executor: Executor, lease: Lease, ttlMs = LEASE_TTL_MS): Promise<boolean> {
  const renewed = await rowsOf<{ name: string }>(
    executor,
    sql`update leases set expires_at = clock_timestamp() + ${ttlMs} * interval '1 millisecond'
         where name = ${lease.name} and token = ${lease.token} and holder = ${lease.holder} and expires_at > clock_timestamp()
        returning name`,
  );
  return renewed.length === 1;
}

/** Frees the lease now (expires it), so another process need not wait out the TTL. */
export async function releaseLease(executor: Executor, lease: Lease): Promise<void> {
  await executor.execute(
    sql`update leases set expires_at = clock_timestamp() where name = ${lease.name} and token = ${lease.token} and holder = ${lease.holder}`,
  );
}

/**
 * The fence: call it in the same transaction as the writes done under `lease`, as late as
 * possible before commit. It renews the lease and throws LeaseLostError when another process
 * has taken it over, so the whole transaction rolls back. It locks the lease row until commit,
 * so nobody can take the lease between this check and the commit.
 */
export async function assertLeaseHeld(tx: Executor, lease: Lease, ttlMs = LEASE_TTL_MS): Promise<void> {
  if (!(await renewLease(tx, lease, ttlMs))) throw new LeaseLostError(lease);
}

/** True when PostgreSQL gave up waiting for a lock (55P03, lock_timeout), anywhere in the cause chain. */
export function isLockTimeout(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "55P03") return true;
  }
  return false;
}

/**
 * renewLease on its own short transaction: "lost" when the lease is gone, "busy" when its row is
 * locked by a transaction still running under it (that transaction renews it as it commits).
 */
export async function renewLeaseNow(db: Database, lease: Lease, ttlMs = LEASE_TTL_MS): Promise<"renewed" | "lost" | "busy"> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(COORDINATION_TX_LIMITS);
      return (await renewLease(tx, lease, ttlMs)) ? "renewed" : "lost";
    });
  } catch (error) {
    if (isLockTimeout(error)) return "busy";
    throw error;
  }
}
