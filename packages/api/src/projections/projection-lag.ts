import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { Projection } from "./projection.ts";
import { utcIso } from "./sql-utc-iso.ts";

export interface ProjectionLag {
  name: string;
  /** Events of this projection's types that are in the log but not yet applied, counted up to a cap. */
  pendingEvents: number;
  /** True when more events are pending than were counted (pendingEvents is then the cap). */
  pendingCapped: boolean;
  /** Seconds since the oldest pending event was received; 0 when caught up. */
  lagSeconds: number;
  /** When the oldest pending event was received (ISO, UTC); null when caught up. */
  oldestPendingAt: string | null;
  eventsApplied: number;
}

/** Past this many pending events a projection is reported as "at least this far behind". */
export const PENDING_COUNT_CAP = 10_000;

/**
 * How far behind each projection is. Probed per event type on the
 * (event_type, tx_id, ingest_seq) index, so the cost follows the pending events of the
 * projection's own types (at most the cap), never the log past its checkpoint: health
 * and the admin page stay fast exactly when a projection has fallen far behind.
 */
export async function measureProjectionLag(executor: Executor, projections: readonly Projection[], cap = PENDING_COUNT_CAP): Promise<ProjectionLag[]> {
  const lags: ProjectionLag[] = [];
  for (const projection of projections) {
    const [row] = await rowsOf<{ pending: number; oldest: number | null; oldest_at: string | null; applied: string | null }>(
      executor,
      sql`with cp as (
            select coalesce(max(last_tx_id), 0) as tx, coalesce(max(last_ingest_seq), 0) as seq, max(events_applied) as applied
              from projection_checkpoints where name = ${projection.name}),
          types as (select value as event_type from jsonb_array_elements_text(${JSON.stringify(projection.eventTypes)}::jsonb)),
          pending as (
            select 1 from types, cp, lateral (
              select 1 from events e
               where e.event_type = types.event_type and (e.tx_id, e.ingest_seq) > (cp.tx, cp.seq)
               -- The inner limit keeps this a per-type probe of the index: without it the
               -- planner flattens the lateral into one join and scans the whole log.
               limit ${cap + 1}) as per_type
            limit ${cap + 1}),
          oldest as (
            select first.received_at from types, cp, lateral (
              select e.received_at from events e
               where e.event_type = types.event_type and (e.tx_id, e.ingest_seq) > (cp.tx, cp.seq)
               order by e.tx_id, e.ingest_seq limit 1) as first)
          select (select count(*)::int from pending) as pending,
                 (select extract(epoch from now() - min(received_at))::float8 from oldest) as oldest,
                 (select ${utcIso(sql`min(received_at)`)} from oldest) as oldest_at,
                 (select applied::text from cp) as applied`,
    );
    const pending = row?.pending ?? 0;
    lags.push({
      name: projection.name,
      pendingEvents: Math.min(pending, cap),
      pendingCapped: pending > cap,
      lagSeconds: Math.max(0, Math.round((row?.oldest ?? 0) * 1000) / 1000),
      oldestPendingAt: row?.oldest_at ?? null,
      eventsApplied: Number(row?.applied ?? 0),
    });
  }
  return lags;
}
