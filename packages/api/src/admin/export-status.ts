import type { AdminExportsOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { utcIso } from "../projections/sql-utc-iso.ts";

/** Recent runs listed; events behind the export are counted up to this many. */
const RECENT_RUNS = 20;
const NOT_EXPORTED_CAP = 10_000;

/**
 * The export's state for staff: the latest runs, when one last succeeded, and how many events
 * wait for the next run. The count walks the (tx_id, ingest_seq) index from the last exported
 * position and stops at the cap, so a never-run export costs the same as a current one.
 */
export async function readExportStatus(executor: Executor): Promise<AdminExportsOutput> {
  const runs = await rowsOf<AdminExportsOutput["runs"][number]>(
    executor,
    sql`select id::int as id, actor, status, ${utcIso(sql`started_at`)} as "startedAt",
               case when finished_at is null then null else ${utcIso(sql`finished_at`)} end as "finishedAt",
               events_exported as "eventsExported", jsonb_array_length(files) as files,
               coalesce((select sum((f->>'bytes')::bigint) from jsonb_array_elements(files) f), 0)::int as bytes, error
          from export_runs order by id desc limit ${RECENT_RUNS}`,
  );
  const [behind] = await rowsOf<{ n: number; last_at: string | null }>(
    executor,
    sql`with last as (select through_tx_id, through_ingest_seq, finished_at from export_runs where status = 'succeeded' order by id desc limit 1)
        select (select count(*)::int from (
                  select 1 from events
                   where (tx_id, ingest_seq) > (coalesce((select through_tx_id from last), 0), coalesce((select through_ingest_seq from last), 0))
                   limit ${NOT_EXPORTED_CAP + 1}) as waiting) as n,
               (select ${utcIso(sql`finished_at`)} from last) as last_at`,
  );
  const waiting = behind?.n ?? 0;
  return {
    runs,
    lastSucceededAt: behind?.last_at ?? null,
    eventsNotExported: Math.min(waiting, NOT_EXPORTED_CAP),
    eventsNotExportedCapped: waiting > NOT_EXPORTED_CAP,
  };
}
