import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import type { LogPosition } from "../projections/read-log.ts";
import { utcIso } from "../projections/sql-utc-iso.ts";

/** One event as exported: seed 000's columns plus where it sits in the log. */
export interface ExportRow {
  id: string;
  event_type: string;
  event_version: number;
  family: string;
  event_ts: string;
  client_ts: string | null;
  seq: number | null;
  session_id: string;
  user_id: string;
  question_id: string | null;
  source: string | null;
  payload_json: Record<string, unknown>;
  received_at: string;
  tx_id: string;
  ingest_seq: string;
}

/** The next events after `after` and up to `through`, in log order: the order the projections read. */
export async function readExportPage(executor: Executor, after: LogPosition, through: LogPosition, limit: number): Promise<ExportRow[]> {
  return rowsOf<ExportRow>(
    executor,
    sql`select id::text as id, event_type, event_version, family, ${utcIso(sql`event_ts`)} as event_ts,
               case when client_ts is null then null else ${utcIso(sql`client_ts`)} end as client_ts,
               seq, session_id::text as session_id, user_id::text as user_id, question_id::text as question_id, source,
               payload_json, ${utcIso(sql`received_at`)} as received_at, tx_id::text as tx_id, ingest_seq::text as ingest_seq
          from events
         where (tx_id, ingest_seq) > (${after.txId}::bigint, ${after.ingestSeq}::bigint)
           and (tx_id, ingest_seq) <= (${through.txId}::bigint, ${through.ingestSeq}::bigint)
         -- Qualified: bare names would sort by the ::text output columns above ('10' < '9').
         order by events.tx_id, events.ingest_seq
         limit ${limit}`,
  );
}
