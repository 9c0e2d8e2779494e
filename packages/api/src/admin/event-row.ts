import type { AdminEventRow } from "@chronicle/contracts";
import { sql } from "drizzle-orm";
import { utcIso } from "../projections/sql-utc-iso.ts";

/** The columns every admin event listing selects from `events e`, with ids and times as text for both drivers. */
export const eventRowColumns = sql`e.id::text as id, e.ingest_seq::text as ingest_seq, e.event_type, e.event_version, e.family,
  ${utcIso(sql`e.event_ts`)} as event_ts, ${utcIso(sql`e.client_ts`)} as client_ts, e.seq, e.session_id::text as session_id,
  e.user_id::text as user_id, e.question_id::text as question_id, e.source, e.payload_json`;

export interface EventRowRecord {
  id: string;
  ingest_seq: string;
  event_type: string;
  event_version: number;
  family: string;
  event_ts: string;
  client_ts: string | null;
  seq: number | null;
  session_id: string;
  user_id: string;
  question_id: string | null;
  source: string | null;
  payload_json: Record<string, unknown> | string;
}

export function toAdminEventRow(row: EventRowRecord): AdminEventRow {
  return {
    id: row.id,
    ingestSeq: Number(row.ingest_seq),
    eventType: row.event_type,
    eventVersion: row.event_version,
    family: row.family,
    eventTs: row.event_ts,
    clientTs: row.client_ts,
    seq: row.seq,
    sessionId: row.session_id,
    userId: row.user_id,
    questionId: row.question_id,
    source: row.source,
    payload: typeof row.payload_json === "string" ? (JSON.parse(row.payload_json) as Record<string, unknown>) : row.payload_json,
  };
}
