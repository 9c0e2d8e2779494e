import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

/**
 * The newest log position every reader may already see: the last (tx_id, ingest_seq)
 * below the oldest running transaction. Read backwards on the (tx_id, ingest_seq) index.
 */
export async function readLogHead(executor: Executor): Promise<string> {
  const [row] = await rowsOf<{ head: string | null }>(
    executor,
    sql`select events.tx_id::text || ':' || events.ingest_seq::text as head from events
         where events.tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
         order by events.tx_id desc, events.ingest_seq desc limit 1`,
  );
  return row?.head ?? "0:0";
}
