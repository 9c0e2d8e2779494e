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
      { name: "event_type", data: rows.map((r) => r.eventType), type: "STRING", nullable: false },
      { name: "event_version", data: rows.map((r) => r.eventVersion), type: "INT32", nullable: false },
      { name: "family", data: rows.map((r) => r.family), type: "STRING", nullable: false },
      { name: "event_ts", data: rows.map((r) => at(r.eventTs)), type: "TIMESTAMP", nullable: false },
      { name: "client_ts", data: rows.map((r) => at(r.clientTs)), type: "TIMESTAMP" },
      { name: "seq", data: rows.map((r) => r.seq), type: "INT32" },
      { name: "session_id", data: rows.map((r) => r.sessionId), type: "STRING", nullable: false },
      { name: "user_id", data: rows.map((r) => r.userId), type: "STRING", nullable: false },
      { name: "question_id", data: rows.map((r) => r.questionId), type: "STRING" },
      { name: "source", data: rows.map((r) => r.source), type: "STRING" },
      { name: "payload_json", data: rows.map((r) => r.payload), type: "JSON", nullable: false },
      { name: "received_at", data: rows.map((r) => at(r.receivedAt)), type: "TIMESTAMP", nullable: false },
      { name: "tx_id", data: rows.map((r) => BigInt(r.txId)), type: "INT64", nullable: false },
      { name: "ingest_seq", data: rows.map((r) => BigInt(r.ingestSeq)), type: "INT64", nullable: false },
    ],
  });
  return new Uint8Array(buffer);
}
