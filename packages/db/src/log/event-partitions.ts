import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "../client/database.ts";

/** How far ahead month partitions exist, so the month that starts next never begins in a default partition. */
export const EVENT_PARTITION_MONTHS_AHEAD = 2;

/**
 * Creates what is missing of the log's partition tree (migration 0023): each family's sub-log
 * and default partition, and its month partitions from `from`'s UTC month through `monthsAhead`
 * months later. Idempotent, and safe from several processes at once (the SQL function takes a
 * lock). Returns how many partitions it created.
 */
export async function ensureEventPartitions(executor: Executor, families: readonly string[], from: Date, monthsAhead = EVENT_PARTITION_MONTHS_AHEAD): Promise<number> {
  const [row] = await rowsOf<{ created: number }>(
    executor,
    sql`select chronicle_ensure_event_partitions(
          array(select jsonb_array_elements_text(${JSON.stringify(families)}::jsonb)), ${from.toISOString()}::timestamptz, ${monthsAhead}::int) as created`,
  );
  return Number(row?.created ?? 0);
}

export interface EventPartition {
  family: string;
  /** "2026-12" for a month partition, null for the family's default partition. */
  month: string | null;
  name: string;
}

/** The log's leaf partitions, family by family, months in order, each family's default last. */
export async function listEventPartitions(executor: Executor): Promise<EventPartition[]> {
  const rows = await rowsOf<{ name: string; family: string }>(
    executor,
    sql`select leaf.relname::text as name, substr(sub.relname, 8) as family
          from pg_inherits top join pg_class sub on sub.oid = top.inhrelid
          join pg_inherits i on i.inhparent = sub.oid join pg_class leaf on leaf.oid = i.inhrelid
         where top.inhparent = 'events'::regclass
         order by sub.relname, leaf.relname like '%\_default', leaf.relname`,
  );
  return rows.map(({ name, family }) => {
    const month = /_(\d{4})_(\d{2})$/.exec(name);
    return { family, name, month: month ? `${month[1]}-${month[2]}` : null };
  });
}
