import { parquetWriteBuffer } from "hyparquet-writer";
import type { ExportRow } from "./read-export-page.ts";

const at = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * One Parquet file of events, a column per seed-000 field: timestamps as Parquet TIMESTAMP
 * (UTC), the payload as JSON text (it differs per event type), log position as INT64, so a
 * warehouse (Snowflake, BigQuery, DuckDB) loads it without a schema of its own.
 */
export function eventsToParquet(rows: readonly ExportRow[]): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: "id", data: rows.map((r) => r.id), type: "STRING", nullable: false },
      { name: "event_type", data: rows.map((r) => r.event_type), type: "STRING", nullable: false },
      { name: "event_version", data: rows.map((r) => r.event_version), type: "INT32", nullable: false },
      { name: "family", data: rows.map((r) => r.family), type: "STRING", nullable: false },
      { name: "event_ts", data: rows.map((r) => at(r.event_ts)), type: "TIMESTAMP", nullable: false },
      { name: "client_ts", data: rows.map((r) => at(r.client_ts)), type: "TIMESTAMP" },
      { name: "seq", data: rows.map((r) => r.seq), type: "INT32" },
      { name: "session_id", data: rows.map((r) => r.session_id), type: "STRING", nullable: false },
      { name: "user_id", data: rows.map((r) => r.user_id), type: "STRING", nullable: false },
      { name: "question_id", data: rows.map((r) => r.question_id), type: "STRING" },
      { name: "source", data: rows.map((r) => r.source), type: "STRING" },
      { name: "payload_json", data: rows.map((r) => r.payload_json), type: "JSON", nullable: false },
      { name: "received_at", data: rows.map((r) => at(r.received_at)), type: "TIMESTAMP", nullable: false },
      { name: "tx_id", data: rows.map((r) => BigInt(r.tx_id)), type: "INT64", nullable: false },
      { name: "ingest_seq", data: rows.map((r) => BigInt(r.ingest_seq)), type: "INT64", nullable: false },
    ],
  });
  return new Uint8Array(buffer);
}
