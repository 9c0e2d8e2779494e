import { rowsOf, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent } from "./projection.ts";

/**
 * For each session_end in `ends`, the highest active_seconds any earlier session_end of
 * the same session carried (strictly before it in the log), or nothing when it is the
 * session's first end. session_end carries the session's CUMULATIVE active time, so a
 * second end adds only what it reports beyond the first: learning-stats credits
 * max(0, active_seconds − earlier highest), and the days of a session then sum to the
 * session's highest figure, the study_sessions row's active_seconds. One query per batch.
 */
export async function earlierSessionEndSeconds(tx: Transaction, ends: readonly LoggedEvent[]): Promise<Map<string, number>> {
  if (ends.length === 0) return new Map();
  const records = JSON.stringify(ends.map((e) => ({ event_id: e.id, session_id: e.sessionId, tx_id: e.txId, ingest_seq: e.ingestSeq })));
  const rows = await rowsOf<{ event_id: string; seconds: number }>(
    tx,
    sql`select r.event_id::text as event_id, earlier.seconds
          from jsonb_to_recordset(${records}::jsonb) as r(event_id uuid, session_id uuid, tx_id bigint, ingest_seq bigint)
          join lateral (
            select max((e.payload_json->>'active_seconds')::int) as seconds from events e
             where e.session_id = r.session_id and e.event_type = 'session_end'
               and (e.tx_id, e.ingest_seq) < (r.tx_id, r.ingest_seq)) earlier on earlier.seconds is not null`,
  );
  return new Map(rows.map((row) => [row.event_id, Number(row.seconds)]));
}
