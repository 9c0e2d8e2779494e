import type { EventFamily, EventSource, EventType } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "../client/database.ts";

export interface NewEvent {
  id: string;
  event_version: number;
  event_type: EventType;
  family: EventFamily;
  event_ts: string;
  client_ts: string | null;
  seq: number | null;
  session_id: string;
  user_id: string;
  question_id: string | null;
  source: EventSource | null;
  payload_json: Record<string, unknown>;
  content_hash: string;
  batch_id: string | null;
}

/**
 * Appends a batch in one set-based statement. The whole batch travels as a single
 * jsonb parameter: drivers serialise one string identically, there is no per-cell bind
 * parameter limit, and the array's ordinality keeps ingest_seq in the batch's order
 * (serialised as given: no per-event copy with an added position). Ids already in the
 * log are skipped (the log's insert trigger claims each id in event_ids, migration 0023);
 * the ids actually written are returned.
 */
export async function appendEvents(executor: Executor, batch: readonly NewEvent[]): Promise<Set<string>> {
  if (batch.length === 0) return new Set();
  const inserted = await rowsOf<{ id: string }>(
    executor,
    sql`
      insert into events (id, event_version, event_type, family, event_ts, client_ts, seq, session_id,
                          user_id, question_id, source, payload_json, content_hash, batch_id)
      select id, event_version, event_type, family, event_ts, client_ts, seq, session_id,
             user_id, question_id, source, payload_json, content_hash, batch_id
        from rows from (jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as (
               id uuid, event_version int, event_type text, family text, event_ts timestamptz,
               client_ts timestamptz, seq int, session_id uuid, user_id uuid, question_id uuid,
               source text, payload_json jsonb, content_hash text, batch_id uuid)) with ordinality as r(
               id, event_version, event_type, family, event_ts, client_ts, seq, session_id,
               user_id, question_id, source, payload_json, content_hash, batch_id, ord)
       order by ord
      returning id::text as id`,
  );
  return new Set(inserted.map((row) => row.id));
}

/** Content hashes of events already in the log, by id, to tell duplicates from conflicts (event_ids: one row per id, whatever the partition). */
export async function findStoredContentHashes(executor: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await rowsOf<{ id: string; content_hash: string }>(
    executor,
    sql`select id::text as id, content_hash from event_ids
         where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
  return new Map(rows.map((row) => [row.id, row.content_hash]));
}
