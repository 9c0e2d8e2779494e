import { rowsOf, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent } from "./projection.ts";

/**
 * Ids of the study question_submit events whose learner asked for an explanation of
 * the same question earlier in the same session (strictly before the submit in the
 * log), in one query. Only the payload's question_id is read: a key lookup that an
 * upcaster would never change.
 */
export async function submitsExplainedBefore(tx: Transaction, submits: readonly LoggedEvent[]): Promise<Set<string>> {
  if (submits.length === 0) return new Set();
  const records = JSON.stringify(
    submits.map((s) => ({ event_id: s.id, session_id: s.sessionId, question_id: s.payload.question_id, tx_id: s.txId, ingest_seq: s.ingestSeq })),
  );
  const rows = await rowsOf<{ event_id: string }>(
    tx,
    sql`select r.event_id::text as event_id
          from jsonb_to_recordset(${records}::jsonb) as r(event_id uuid, session_id uuid, question_id uuid, tx_id bigint, ingest_seq bigint)
         where exists (select 1 from events e
                        where e.session_id = r.session_id and e.event_type = 'ai_explanation_requested'
                          and (e.payload_json->>'question_id')::uuid = r.question_id
                          and (e.tx_id, e.ingest_seq) < (r.tx_id, r.ingest_seq))`,
  );
  return new Set(rows.map((row) => row.event_id));
}
