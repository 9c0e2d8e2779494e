import { MAX_TIMELINE_EVENTS, type AdminSessionTimelineOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { eventRowColumns, toAdminEventRow, type EventRowRecord } from "./event-row.ts";
import { findSeqGaps } from "./find-seq-gaps.ts";

/**
 * A session's events ordered by time, with the log order (tx_id, ingest_seq) as the tie-break,
 * so client and server events interleave as they happened. An event's time is its client_ts
 * bounded by its receipt (never later than event_ts; event_ts when the client sent none, as for
 * every server event); among events of the same time the client's seq comes first. The client
 * seq numbers that never arrived are listed beside them. Seq facts are computed over every event of
 * the session (one index-only aggregate), even when the listing is truncated.
 */
export async function readSessionTimeline(executor: Executor, sessionId: string): Promise<AdminSessionTimelineOutput> {
  const rows = await rowsOf<EventRowRecord>(
    executor,
    sql`select ${eventRowColumns} from events e where e.session_id = ${sessionId}::uuid
         order by least(coalesce(e.client_ts, e.event_ts), e.event_ts), e.seq nulls last, e.tx_id, e.ingest_seq limit ${MAX_TIMELINE_EVENTS + 1}`,
  );
  const seqs = await rowsOf<{ seq: number }>(
    executor,
    sql`select distinct seq from events where session_id = ${sessionId}::uuid and seq is not null order by seq`,
  );
  const gaps = findSeqGaps(seqs.map((row) => row.seq));
  return {
    sessionId,
    events: rows.slice(0, MAX_TIMELINE_EVENTS).map(toAdminEventRow),
    truncated: rows.length > MAX_TIMELINE_EVENTS,
    ...gaps,
  };
}
