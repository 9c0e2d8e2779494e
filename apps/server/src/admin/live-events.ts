import type { AdminLiveEvent } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { utcIso } from "../projections/sql-utc-iso.ts";

export const LIVE_POLL_MS = 500;
export const LIVE_MAX_PER_POLL = 200;
/**
 * ingest_seq is taken at insert time but becomes visible at commit, so a slow transaction can
 * commit a lower ingest_seq after a higher one was streamed. Rows are streamed only once they
 * are this old (received_at is the writing transaction's start), which covers ingest
 * transactions that take up to this long; the cost is that much latency on the live view.
 */
export const LIVE_COMMIT_GRACE_MS = 1000;

/**
 * The next events after `afterIngestSeq`, in ingest order, from the events ingest_seq unique
 * index: the prefix of rows older than the grace, so a younger row is never skipped over.
 */
export async function readLiveEvents(executor: Executor, afterIngestSeq: number): Promise<AdminLiveEvent[]> {
  const rows = await rowsOf<Omit<AdminLiveEvent, "ingestSeq"> & { ingestSeq: string; settled: boolean }>(
    executor,
    sql`select e.id::text as id, e.ingest_seq::text as "ingestSeq", e.event_type as type, e.family, e.user_id::text as "userId",
               e.session_id::text as "sessionId", ${utcIso(sql`e.event_ts`)} as "eventTs",
               e.received_at < now() - ${`${LIVE_COMMIT_GRACE_MS} milliseconds`}::interval as settled
          from events e
         where e.ingest_seq > ${afterIngestSeq}::bigint
         order by e.ingest_seq limit ${LIVE_MAX_PER_POLL}`,
  );
  const young = rows.findIndex((row) => !row.settled);
  return rows.slice(0, young === -1 ? rows.length : young).map(({ settled: _settled, ...row }) => ({ ...row, ingestSeq: Number(row.ingestSeq) }));
}

/** Where a new stream starts: after the newest event, so only events arriving from now on are sent. */
export async function readLatestIngestSeq(executor: Executor): Promise<number> {
  const [row] = await rowsOf<{ seq: string | null }>(executor, sql`select max(ingest_seq)::text as seq from events`);
  return Number(row?.seq ?? 0);
}
