import type { ConflictStrategy } from "@chronicle/contracts";

/** One version of a synced value: when the client last changed it, and what it is. */
export interface SyncedVersion {
  clientUpdatedAtMs: number;
  /** Equal fingerprints mean equal content (a retry), whatever the transport. */
  fingerprint: string;
}

export type SyncDecision =
  | { apply: true; status: "synced" }
  | { apply: false; status: "duplicate" }
  | { apply: false; status: "conflict"; resolution: "server" }
  | { apply: true; status: "conflict"; resolution: "client" };

/**
 * Seed 001's two strategies for an item the server may already hold in another version.
 * - last-write-wins: the later clientUpdatedAt wins. An older item is a conflict the server
 *   wins and is not applied; on a tie with different content the stored value stays, so two
 *   devices never flip a value back and forth.
 * - client-priority: the client's item always wins; replacing a value the server holds with
 *   a newer clientUpdatedAt is reported as a conflict resolved for the client.
 * The same version with the same content is a duplicate (a retried sync) under both.
 */
export function resolveSyncConflict(strategy: ConflictStrategy, stored: SyncedVersion | undefined, incoming: SyncedVersion): SyncDecision {
  if (!stored) return { apply: true, status: "synced" };
  const isSameVersion = stored.clientUpdatedAtMs === incoming.clientUpdatedAtMs;
  if (isSameVersion && stored.fingerprint === incoming.fingerprint) return { apply: false, status: "duplicate" };
  const isServerNewer = stored.clientUpdatedAtMs > incoming.clientUpdatedAtMs;
  if (strategy === "client-priority") return isServerNewer ? { apply: true, status: "conflict", resolution: "client" } : { apply: true, status: "synced" };
  return isServerNewer || isSameVersion ? { apply: false, status: "conflict", resolution: "server" } : { apply: true, status: "synced" };
}
