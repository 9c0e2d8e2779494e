import type { ConsistencyWatermark } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { Projection } from "../projections/projection.ts";
import { utcIso } from "../projections/sql-utc-iso.ts";

/**
 * The consistent-through watermark of an answer built from `projections`' tables: the lowest
 * of their checkpoints (a projection without one has applied nothing: position 0:0), and the
 * event_ts of the event at that position. Read BEFORE the answer's tables, so the answer holds
 * at least everything up to the watermark (a pass committing in between only adds to it).
 */
export async function readWatermark(executor: Executor, projections: readonly Projection[]): Promise<ConsistencyWatermark> {
  const names = JSON.stringify(projections.map((p) => p.name));
  const [row] = await rowsOf<{ tx_id: string; ingest_seq: string; at: string | null }>(
    executor,
    sql`with wanted as (select value as name from jsonb_array_elements_text(${names}::jsonb)),
         lowest as (
           select coalesce(c.last_tx_id, 0) as tx_id, coalesce(c.last_ingest_seq, 0) as ingest_seq
             from wanted w left join projection_checkpoints c on c.name = w.name
            order by 1, 2 limit 1)
        select l.tx_id::text as tx_id, l.ingest_seq::text as ingest_seq, ${utcIso(sql`e.event_ts`)} as at
          from lowest l left join events e on e.tx_id = l.tx_id and e.ingest_seq = l.ingest_seq`,
  );
  return { logPosition: `${row?.tx_id ?? 0}:${row?.ingest_seq ?? 0}`, consistentThrough: row?.at ?? null };
}
