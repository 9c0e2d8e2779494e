import type { ConflictStrategy, SyncItemResult, SyncItemType } from "@chronicle/contracts";
import { resolveSyncConflict, type SyncedVersion } from "./resolve-sync-conflict.ts";

export interface KeyedSyncItem<V extends SyncedVersion> {
  index: number;
  key: string;
  /** How the item names its target in messages, e.g. "progress material/m-1". */
  label: string;
  value: V;
}

export interface ResolvedItems<V> {
  results: SyncItemResult[];
  /** The final value per key that must be written; keys left unchanged are absent. */
  writes: Map<string, V>;
}

/**
 * Resolves items against what the server holds, in batch order: a later item for the same
 * key is compared with the earlier one's outcome, exactly as if they had come one by one.
 */
export function resolveItemsInOrder<V extends SyncedVersion>(
  strategy: ConflictStrategy,
  itemType: SyncItemType,
  items: readonly KeyedSyncItem<V>[],
  stored: ReadonlyMap<string, SyncedVersion>,
): ResolvedItems<V> {
  const current = new Map<string, SyncedVersion>(stored);
  const writes = new Map<string, V>();
  const results = items.map(({ index, key, label, value }): SyncItemResult => {
    const held = current.get(key);
    const decision = resolveSyncConflict(strategy, held, value);
    if (decision.apply) {
      current.set(key, value);
      writes.set(key, value);
    }
    if (decision.status !== "conflict") return { index, itemType, status: decision.status };
    const heldAt = new Date(held!.clientUpdatedAtMs).toISOString();
    const message =
      decision.resolution === "server"
        ? `The server's ${label} from ${heldAt} is at least as new as this item, so the item was not applied (${strategy}).`
        : `This item replaced the server's newer ${label} from ${heldAt} (${strategy}).`;
    return { index, itemType, status: "conflict", resolution: decision.resolution, message };
  });
  return { results, writes };
}
