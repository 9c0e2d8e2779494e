import type { AdminEventFilters, AdminEventsOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql, type SQL } from "drizzle-orm";
import { decodeEventCursor, encodeEventCursor } from "./event-cursor.ts";
import { eventRowColumns, toAdminEventRow, type EventRowRecord } from "./event-row.ts";

export interface ExploreEventsRequest {
  filters: AdminEventFilters;
  cursor?: string | null;
  limit: number;
}

const jsonList = (values: readonly string[]) => sql`(select value from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** Every filter and the keyset position, as one conjunction on `events e`. */
function conditions(filters: AdminEventFilters, cursor: string | null | undefined): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.sessionId) parts.push(sql`e.session_id = ${filters.sessionId}::uuid`);
  if (filters.userId) parts.push(sql`e.user_id = ${filters.userId}::uuid`);
  if (filters.types) parts.push(sql`e.event_type in ${jsonList(filters.types)}`);
  if (filters.families) parts.push(sql`e.family in ${jsonList(filters.families)}`);
  if (filters.from) parts.push(sql`e.event_ts >= ${filters.from}::timestamptz`);
  if (filters.to) parts.push(sql`e.event_ts < ${filters.to}::timestamptz`);
  if (cursor) {
    const after = decodeEventCursor(cursor);
    // The first bound is an index range on event_ts; the second breaks ties inside one batch.
    parts.push(sql`e.event_ts <= ${after.eventTs}::timestamptz and (e.event_ts < ${after.eventTs}::timestamptz or e.ingest_seq < ${after.ingestSeq}::bigint)`);
  }
  return sql.join(parts, sql` and `);
}

const newestFirst = sql`order by e.event_ts desc, e.ingest_seq desc`;

/**
 * One page of the log, newest first, by keyset on (event_ts, ingest_seq). The query's shape
 * picks the index: a session or a learner reads its own (…, event_ts) index; a list of types
 * or families reads each one's (…, event_ts) index for at most one page and merges; with no
 * such filter events_event_ts_ingest_seq_idx is read backwards. Never OFFSET, never a full sort.
 */
export async function exploreEvents(executor: Executor, request: ExploreEventsRequest): Promise<AdminEventsOutput> {
  const { filters, limit } = request;
  const where = conditions(filters, request.cursor);
  const fetch = limit + 1;
  let query: SQL;
  if (filters.sessionId || filters.userId || (!filters.types && !filters.families)) {
    query = sql`select ${eventRowColumns} from events e where ${where} ${newestFirst} limit ${fetch}`;
  } else {
    const [column, values] = filters.types ? [sql`e.event_type`, filters.types] : [sql`e.family`, filters.families!];
    query = sql`select p.* from jsonb_array_elements_text(${JSON.stringify([...new Set(values)])}::jsonb) as k(value)
                cross join lateral (
                  select ${eventRowColumns}, e.event_ts as sort_ts, e.ingest_seq as sort_seq
                    from events e where ${column} = k.value and ${where} ${newestFirst} limit ${fetch}
                ) p
                order by p.sort_ts desc, p.sort_seq desc limit ${fetch}`;
  }
  const rows = await rowsOf<EventRowRecord>(executor, query);
  const page = rows.slice(0, limit).map(toAdminEventRow);
  const last = page.at(-1);
  return {
    events: page,
    nextCursor: rows.length > limit && last ? encodeEventCursor({ eventTs: last.eventTs, ingestSeq: last.ingestSeq }) : null,
  };
}
