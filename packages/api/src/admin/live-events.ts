import type { AdminLiveEvent } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LogPosition } from "../projections/read-log.ts";
import { utcIso } from "../projections/sql-utc-iso.ts";

export const LIVE_POLL_MS = 500;
export const LIVE_MAX_PER_POLL = 200;

export interface LiveEvent extends AdminLiveEvent {
  /** Where the stream stands after this event; the SSE id a reconnecting client sends back. */
  position: LogPosition;
}

/**
 * The next events after `after`, in the order the projections read the log: (tx_id, ingest_seq).
 * ingest_seq alone is taken at insert and becomes visible at commit, so a slow writer could
 * commit a lower one after a higher one was streamed; tx_id is a position the log assigns in
 * commit order (a later writer waits for the earlier one to finish), so an event is never
 * skipped however long its transaction took, and nothing elsewhere on the server holds it back.
 */
export async function readLiveEvents(executor: Executor, after: LogPosition): Promise<LiveEvent[]> {
  const rows = await rowsOf<Omit<AdminLiveEvent, "ingestSeq"> & { ingestSeq: string; txId: string }>(
    executor,
    sql`select e.id::text as id, e.ingest_seq::text as "ingestSeq", e.tx_id::text as "txId", e.event_type as type, e.family,
               e.user_id::text as "userId", e.session_id::text as "sessionId", ${utcIso(sql`e.event_ts`)} as "eventTs"
          from events e
         where (e.tx_id, e.ingest_seq) > (${after.txId}::bigint, ${after.ingestSeq}::bigint)
         order by e.tx_id, e.ingest_seq limit ${LIVE_MAX_PER_POLL}`,
  );
  return rows.map(({ txId, ...row }) => {
    const ingestSeq = Number(row.ingestSeq);
    return { ...row, ingestSeq, position: { txId: Number(txId), ingestSeq } };
  });
}

/** A stream position as an SSE event id: "<tx_id>.<ingest_seq>". */
export function formatLivePosition(position: LogPosition): string {
  return `${position.txId}.${position.ingestSeq}`;
}

/** The position in an SSE id this stream sent, or null when it is not one. */
export function parseLivePosition(id: string): LogPosition | null {
  const match = /^(\d{1,19})\.(\d{1,19})$/.exec(id);
  if (!match) return null;
  const [txId, ingestSeq] = [Number(match[1]), Number(match[2])];
  return Number.isSafeInteger(txId) && Number.isSafeInteger(ingestSeq) ? { txId, ingestSeq } : null;
}
