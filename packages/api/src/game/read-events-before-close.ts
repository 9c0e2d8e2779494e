import { upcastPayload, type EventType } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { SessionGameEvent } from "./extract-behavioral-features.ts";

/** Where a session's close event sits in the log. */
export interface SessionClose {
  sessionId: string;
  txId: number;
  ingestSeq: number;
}

interface Row {
  session_id: string;
  event_type: EventType;
  event_version: number;
  event_ts: string;
  client_ts: string | null;
  payload_json: Record<string, unknown>;
}

/**
 * Each session's game events strictly before its close in (tx_id, ingest_seq) order, for
 * many sessions in one query. Reading only the log before the close is what makes the
 * features the same on every rebuild (the projection determinism rule); later events and
 * other close events are never part of them.
 */
export async function readEventsBeforeClose(executor: Executor, closes: readonly SessionClose[]): Promise<Map<string, SessionGameEvent[]>> {
  const bySession = new Map<string, SessionGameEvent[]>(closes.map((close) => [close.sessionId, []]));
  if (closes.length === 0) return bySession;
  const records = JSON.stringify(closes.map((c) => ({ session_id: c.sessionId, tx_id: c.txId, ingest_seq: c.ingestSeq })));
  const rows = await rowsOf<Row>(
    executor,
    sql`select e.session_id::text as session_id, e.event_type, e.event_version,
               to_char(e.event_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as event_ts,
               to_char(e.client_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as client_ts, e.payload_json
          from jsonb_to_recordset(${records}::jsonb) as c(session_id uuid, tx_id bigint, ingest_seq bigint)
          join events e on e.session_id = c.session_id
         where e.family = 'game' and e.event_type <> 'session_closed'
           and (e.tx_id, e.ingest_seq) < (c.tx_id, c.ingest_seq)
         order by e.session_id, e.tx_id, e.ingest_seq`,
  );
  for (const row of rows) {
    const upcast = upcastPayload(row.event_type, row.event_version, row.payload_json);
    bySession.get(row.session_id)!.push({ eventType: row.event_type, eventTs: row.event_ts, clientTs: row.client_ts, payload: upcast.payload as Record<string, unknown> });
  }
  return bySession;
}
