import type { AdminEventRow } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { eventRowColumns, toAdminEventRow, type EventRowRecord } from "../admin/event-row.ts";
import type { LogPosition } from "../projections/read-log.ts";
import { utcIso } from "../projections/sql-utc-iso.ts";

/** One event as exported: the columns staff see in the explorer, plus when it arrived and its transaction. */
export interface ExportRow extends AdminEventRow {
  receivedAt: string;
  txId: number;
}

/** The next events after `after` and up to `through`, in log order: the order the projections read. */
export async function readExportPage(executor: Executor, after: LogPosition, through: LogPosition, limit: number): Promise<ExportRow[]> {
  const rows = await rowsOf<EventRowRecord & { received_at: string; tx_id: string }>(
    executor,
    sql`select ${eventRowColumns}, ${utcIso(sql`e.received_at`)} as received_at, e.tx_id::text as tx_id
          from events e
         where (e.tx_id, e.ingest_seq) > (${after.txId}::bigint, ${after.ingestSeq}::bigint)
           and (e.tx_id, e.ingest_seq) <= (${through.txId}::bigint, ${through.ingestSeq}::bigint)
         order by e.tx_id, e.ingest_seq
         limit ${limit}`,
  );
  return rows.map((row) => ({ ...toAdminEventRow(row), receivedAt: row.received_at, txId: Number(row.tx_id) }));
}
