import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LogPosition } from "./read-log.ts";

/**
 * The newest log position every reader may already see: the last (tx_id, ingest_seq)
 * below the oldest running transaction. Read backwards on the (tx_id, ingest_seq) index.
 */
export async function readLogHead(executor: Executor): Promise<LogPosition> {
  const [row] = await rowsOf<{ tx_id: string; ingest_seq: string }>(
    executor,
    sql`select events.tx_id::text as tx_id, events.ingest_seq::text as ingest_seq from events
         where events.tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
         order by events.tx_id desc, events.ingest_seq desc limit 1`,
  );
  return row ? { txId: Number(row.tx_id), ingestSeq: Number(row.ingest_seq) } : { txId: 0, ingestSeq: 0 };
}
