import type { Database } from "@chronicle/db";
import { sql as drizzleSql } from "drizzle-orm";
import { randomUUID, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";

/**
 * The limit Chronicle is measured against: rows written straight into a scratch table with
 * exactly the `events` DDL (`like events including all`: same columns, defaults, identity and
 * indexes), with none of Chronicle's validation, ownership checks or HTTP in the way.
 */
export const scratchTable = "bench_raw_events";
const columns = "id, event_version, event_type, family, event_ts, client_ts, seq, session_id, user_id, question_id, source, payload_json, content_hash, batch_id";

interface RawRow {
  id: string;
  event_version: number;
  event_type: string;
  family: string;
  event_ts: string;
  client_ts: string;
  seq: number;
  session_id: string;
  user_id: string;
  question_id: string;
  source: string;
  payload_json: Record<string, unknown>;
  content_hash: string;
  batch_id: string;
}

/** Rows shaped like what telemetry.ingest stores for QUESTION_VIEWED. */
function rawRows(count: number): RawRow[] {
  const now = new Date().toISOString();
  const sessionId = randomUUID();
  const userId = randomUUID();
  const batchId = randomUUID();
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    event_version: 1,
    event_type: "QUESTION_VIEWED",
    family: "exam",
    event_ts: now,
    client_ts: now,
    seq: i,
    session_id: sessionId,
    user_id: userId,
    question_id: randomUUID(),
    source: "web",
    payload_json: { position: (i % 20) + 1 },
    content_hash: randomBytes(32).toString("hex"),
    batch_id: batchId,
  }));
}

/** COPY's text format: tab-separated, backslash escaped. */
function copyText(rows: readonly RawRow[]): string {
  let text = "";
  for (const r of rows) {
    const payload = JSON.stringify(r.payload_json).replace(/\\/g, "\\\\");
    text += `${r.id}\t${r.event_version}\t${r.event_type}\t${r.family}\t${r.event_ts}\t${r.client_ts}\t${r.seq}\t${r.session_id}\t${r.user_id}\t${r.question_id}\t${r.source}\t${payload}\t${r.content_hash}\t${r.batch_id}\n`;
  }
  return text;
}

const selectHead = `select ${columns} from jsonb_to_recordset(`;
const selectTail = `::jsonb) as r(id uuid, event_version int, event_type text, family text, event_ts timestamptz,
         client_ts timestamptz, seq int, session_id uuid, user_id uuid, question_id uuid, source text, payload_json jsonb,
         content_hash text, batch_id uuid)`;

/**
 * The limit's table: the log's columns, defaults and indexes in one plain heap, with the id
 * unique as the log keeps it (through event_ids since migration 0023), so the limit is the
 * disk's for rows of this shape, as before the log was partitioned.
 */
export async function createScratchTable(db: Database): Promise<void> {
  await db.rows(drizzleSql.raw(`drop table if exists ${scratchTable}`));
  await db.rows(drizzleSql.raw(`create table ${scratchTable} (like events including all)`));
  await db.rows(drizzleSql.raw(`alter table ${scratchTable} add primary key (id)`));
}

export interface RawPostgresWriters {
  /** One COPY of `rows` rows; resolves with the rows written. */
  copy(rows: number): Promise<number>;
  /** One `insert … select from jsonb_to_recordset` of `rows` rows. */
  recordset(rows: number): Promise<number>;
  close(): Promise<void>;
}

/** A separate postgres.js pool on the bench's database, so raw writes never queue behind Chronicle's. */
export async function rawPostgresWriters(db: Database, maxConnections: number): Promise<RawPostgresWriters> {
  const [row] = await db.rows<{ name: string }>(drizzleSql`select current_database() as name`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  const client = postgres(url.toString(), { max: maxConnections, onnotice: () => {} });
  return {
    async copy(rows) {
      const text = copyText(rawRows(rows));
      const writable = await client.unsafe(`copy ${scratchTable} (${columns}) from stdin`).writable();
      await pipeline(Readable.from([text]), writable);
      return rows;
    },
    async recordset(rows) {
      await client.unsafe(`insert into ${scratchTable} (${columns}) ${selectHead}$1::text${selectTail}`, [JSON.stringify(rawRows(rows))]);
      return rows;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** The same jsonb_to_recordset insert through the process's own PGlite, for the embedded limit. */
export async function rawPgliteRecordset(db: Database, rows: number): Promise<number> {
  const json = JSON.stringify(rawRows(rows));
  await db.rows(drizzleSql`${drizzleSql.raw(`insert into ${scratchTable} (${columns}) ${selectHead}`)}${json}${drizzleSql.raw(selectTail)}`);
  return rows;
}
