import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { Projection } from "./projection.ts";

export interface ProjectionLag {
  name: string;
  /** Events of this projection's types that are in the log but not yet applied. */
  pendingEvents: number;
  /** Seconds since the oldest pending event was received; 0 when caught up. */
  lagSeconds: number;
  eventsApplied: number;
}

/** How far behind each projection is; bounded so that a far-behind projection stays cheap to report. */
export async function measureProjectionLag(executor: Executor, projections: readonly Projection[], cap = 100_000): Promise<ProjectionLag[]> {
  const lags: ProjectionLag[] = [];
  for (const projection of projections) {
    const [row] = await rowsOf<{ pending: number; oldest: number | null; applied: string | null }>(
      executor,
      sql`with cp as (
            select coalesce(max(last_tx_id), 0) as tx, coalesce(max(last_ingest_seq), 0) as seq, max(events_applied) as applied
              from projection_checkpoints where name = ${projection.name}),
          pending as (
            select e.received_at from events e, cp
             where (e.tx_id, e.ingest_seq) > (cp.tx, cp.seq)
               and e.event_type in (select value from jsonb_array_elements_text(${JSON.stringify(projection.eventTypes)}::jsonb))
             limit ${cap})
          select (select count(*)::int from pending) as pending,
                 (select extract(epoch from now() - min(received_at))::float8 from pending) as oldest,
                 (select applied::text from cp) as applied`,
    );
    lags.push({
      name: projection.name,
      pendingEvents: row?.pending ?? 0,
      lagSeconds: Math.max(0, Math.round((row?.oldest ?? 0) * 1000) / 1000),
      eventsApplied: Number(row?.applied ?? 0),
    });
  }
  return lags;
}
