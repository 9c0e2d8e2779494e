import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent } from "../projections/projection.ts";

/**
 * The material_complete events whose learner already completed that material earlier in
 * the log: a material earns its XP once, so finishing it again is not a farm.
 */
export async function findRepeatMaterialCompletions(executor: Executor, completions: readonly LoggedEvent[]): Promise<Set<string>> {
  if (completions.length === 0) return new Set();
  const records = JSON.stringify(
    completions.map((e) => ({ event_id: e.id, user_id: e.userId, material_id: e.payload.material_id, tx_id: e.txId, ingest_seq: e.ingestSeq })),
  );
  const rows = await rowsOf<{ event_id: string }>(
    executor,
    sql`select r.event_id
          from jsonb_to_recordset(${records}::jsonb) as r(event_id text, user_id uuid, material_id text, tx_id bigint, ingest_seq bigint)
         where exists (select 1 from events e
                        where e.user_id = r.user_id and e.event_type = 'material_complete'
                          and e.payload_json->>'material_id' = r.material_id
                          and (e.tx_id, e.ingest_seq) < (r.tx_id, r.ingest_seq))`,
  );
  return new Set(rows.map((row) => row.event_id));
}
