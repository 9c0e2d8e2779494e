import type { ConflictStrategy, SyncItemResult } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { Indexed, ProgressItem } from "./parse-sync-items.ts";
import { resolveItemsInOrder, type KeyedSyncItem } from "./resolve-items-in-order.ts";
import type { SyncedVersion } from "./resolve-sync-conflict.ts";

interface ProgressValue extends SyncedVersion {
  entityType: string;
  entityId: string;
  progress: number;
  clientUpdatedAt: string;
}

// progress is a REAL column: compare at its precision so a retried item reads back as equal.
const fingerprintOf = (progress: number) => String(Math.fround(progress));
const keyOf = (entityType: string, entityId: string) => `${entityType}/${entityId}`;

function toKeyed({ index, item }: Indexed<ProgressItem>): KeyedSyncItem<ProgressValue> {
  const { entityType, entityId } = item.itemData;
  // Either form is accepted; a fraction is stored. `progress` wins when both are sent.
  const progress = item.itemData.progress ?? item.itemData.percent! / 100;
  const clientUpdatedAtMs = Date.parse(item.clientUpdatedAt ?? item.itemData.updatedAt);
  return {
    index,
    key: keyOf(entityType, entityId),
    label: `progress on ${entityType} '${entityId}'`,
    value: { entityType, entityId, progress, clientUpdatedAtMs, clientUpdatedAt: new Date(clientUpdatedAtMs).toISOString(), fingerprint: fingerprintOf(progress) },
  };
}

/** Seed 001 progress items into sync_progress: one read of what is held, one upsert of what changed. */
export async function applyProgressItems(
  tx: Executor,
  userId: string,
  strategy: ConflictStrategy,
  items: readonly Indexed<ProgressItem>[],
  at: Date,
): Promise<SyncItemResult[]> {
  if (items.length === 0) return [];
  const keyed = items.map(toKeyed);
  const keys = JSON.stringify(keyed.map((k) => ({ entity_type: k.value.entityType, entity_id: k.value.entityId })));
  const held = await rowsOf<{ entity_type: string; entity_id: string; progress: number; client_updated_at: string }>(
    tx,
    sql`select p.entity_type, p.entity_id, p.progress,
               to_char(p.client_updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as client_updated_at
          from sync_progress p
          join (select distinct entity_type, entity_id from jsonb_to_recordset(${keys}::jsonb) as k(entity_type text, entity_id text)) k
            on p.entity_type = k.entity_type and p.entity_id = k.entity_id
         where p.user_id = ${userId}::uuid`,
  );
  const stored = new Map(
    held.map((row) => [keyOf(row.entity_type, row.entity_id), { clientUpdatedAtMs: Date.parse(row.client_updated_at), fingerprint: fingerprintOf(row.progress) }]),
  );
  const { results, writes } = resolveItemsInOrder(strategy, "progress", keyed, stored);
  if (writes.size > 0) {
    const rows = JSON.stringify([...writes.values()].map((v) => ({ entity_type: v.entityType, entity_id: v.entityId, progress: v.progress, client_updated_at: v.clientUpdatedAt })));
    await tx.execute(sql`
      insert into sync_progress (user_id, entity_type, entity_id, progress, client_updated_at, server_updated_at)
      select ${userId}::uuid, entity_type, entity_id, progress, client_updated_at, ${at.toISOString()}::timestamptz
        from jsonb_to_recordset(${rows}::jsonb) as r(entity_type text, entity_id text, progress real, client_updated_at timestamptz)
      on conflict (user_id, entity_type, entity_id) do update set
        progress = excluded.progress, client_updated_at = excluded.client_updated_at, server_updated_at = excluded.server_updated_at`);
  }
  return results;
}
