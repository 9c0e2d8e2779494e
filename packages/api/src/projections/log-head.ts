import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LogPosition } from "./read-log.ts";

/**
 * The newest log position visible now: the last (tx_id, ingest_seq), read backwards on its
 * index. Positions are assigned in commit order, so nothing can later commit below it.
 */
export async function readLogHead(executor: Executor): Promise<LogPosition> {
  const [row] = await rowsOf<{ tx_id: string; ingest_seq: string }>(
    executor,
    sql`select events.tx_id::text as tx_id, events.ingest_seq::text as ingest_seq from events
         order by events.tx_id desc, events.ingest_seq desc limit 1`,
  );
  return row ? { txId: Number(row.tx_id), ingestSeq: Number(row.ingest_seq) } : { txId: 0, ingestSeq: 0 };
}
