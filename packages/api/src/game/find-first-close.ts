import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { SessionClose } from "./read-events-before-close.ts";

export interface LoggedClose extends SessionClose {
  closedAt: string;
  userId: string;
}

/** The session's first session_closed in log order: the close that its features are computed at. */
export async function findFirstClose(executor: Executor, sessionId: string): Promise<LoggedClose | null> {
  const [row] = await rowsOf<{ event_ts: string; user_id: string; tx_id: string; ingest_seq: string }>(
    executor,
    sql`select to_char(event_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as event_ts, user_id::text as user_id, tx_id::text as tx_id, ingest_seq::text as ingest_seq
          from events
         where session_id = ${sessionId}::uuid and event_type = 'session_closed'
         -- Qualified: bare names would sort by the ::text output columns ('10' < '9').
         order by events.tx_id, events.ingest_seq
         limit 1`,
  );
  if (!row) return null;
  return {
    sessionId,
    userId: row.user_id,
    closedAt: new Date(row.event_ts).toISOString(),
    txId: Number(row.tx_id),
    ingestSeq: Number(row.ingest_seq),
  };
}
