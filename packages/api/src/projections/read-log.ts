import { upcastPayload, type EventFamily, type EventSource, type EventType } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LoggedEvent } from "./projection.ts";

export interface LogPosition {
  txId: number;
  ingestSeq: number;
}

/** Orders two log positions: negative when `a` comes first, 0 when equal, positive after. */
export const compareLogPositions = (a: LogPosition, b: LogPosition): number => a.txId - b.txId || a.ingestSeq - b.ingestSeq;

interface LogRow {
  id: string;
  event_type: EventType;
  event_version: number;
  family: EventFamily;
  event_ts: string;
  client_ts: string | null;
  seq: number | null;
  session_id: string;
  user_id: string;
  question_id: string | null;
  source: EventSource | null;
  payload_json: Record<string, unknown>;
  tx_id: string;
  ingest_seq: string;
}

/**
 * Reads events after `position` in (tx_id, ingest_seq) order. tx_id is a log position the
 * log assigns in commit order (chronicle_log_position(), see docs/aggregates.md): a position
 * becomes visible only after every lower one has committed or rolled back, so what any
 * snapshot sees is a prefix of the log and no row can ever appear behind a checkpoint.
 * No horizon is needed, so transactions elsewhere on the server never hold readers back.
 */
export async function readLogAfter(
  executor: Executor,
  position: LogPosition,
  eventTypes: readonly EventType[],
  limit: number,
  /** Read no further than this position (inclusive), e.g. the log head read just before. */
  upTo?: LogPosition,
): Promise<LoggedEvent[]> {
  const bound = upTo ? sql`and (tx_id, ingest_seq) <= (${upTo.txId}::bigint, ${upTo.ingestSeq}::bigint)` : sql``;
  const rows = await rowsOf<LogRow>(
    executor,
    sql`select id::text as id, event_type, event_version, family,
               to_char(event_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as event_ts,
               case when client_ts is null then null else to_char(client_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end as client_ts,
               seq, session_id::text as session_id, user_id::text as user_id, question_id::text as question_id,
               source, payload_json, tx_id::text as tx_id, ingest_seq::text as ingest_seq
          from events
         where (tx_id, ingest_seq) > (${position.txId}::bigint, ${position.ingestSeq}::bigint)
           ${bound}
           and event_type in (select value from jsonb_array_elements_text(${JSON.stringify(eventTypes)}::jsonb))
         -- Qualified: bare names would sort by the ::text output columns above ('10' < '9').
         order by events.tx_id, events.ingest_seq
         limit ${limit}`,
  );
  return rows.map((row) => {
    const upcast = upcastPayload(row.event_type, row.event_version, row.payload_json);
    return {
      id: row.id,
      eventType: row.event_type,
      eventVersion: upcast.version,
      family: row.family,
      eventTs: row.event_ts,
      clientTs: row.client_ts,
      seq: row.seq,
      sessionId: row.session_id,
      userId: row.user_id,
      questionId: row.question_id,
      source: row.source,
      payload: upcast.payload as Record<string, unknown>,
      txId: Number(row.tx_id),
      ingestSeq: Number(row.ingest_seq),
    };
  });
}
