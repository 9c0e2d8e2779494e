import { appendEvents, type Database, type Executor } from "@chronicle/db";
import { sql, type SQL } from "drizzle-orm";
import type { DayBuffer } from "./bulk-day-buffer.ts";

/** Each statement carries its rows as one jsonb parameter, so no statement meets the bind-parameter limit. */
async function insertRecords(executor: Executor, rows: readonly unknown[], chunkSize: number, statement: (records: string) => SQL): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await executor.execute(statement(JSON.stringify(rows.slice(start, start + chunkSize))));
  }
}

/** Reference rows the day's events point at: sessions, exam sessions and their questions. */
async function writeSessions(tx: Executor, buffer: DayBuffer, chunkSize: number): Promise<void> {
  await insertRecords(tx, [...buffer.sessions.values()], chunkSize, (r) => sql`
    insert into sessions (id, user_id, family, created_at)
    select id, user_id, family, created_at from jsonb_to_recordset(${r}::jsonb) as r(id uuid, user_id uuid, family text, created_at timestamptz)
    on conflict (id) do nothing`);
  await insertRecords(tx, buffer.testSessions, chunkSize, (r) => sql`
    insert into test_sessions (id, user_id, mode, question_count, time_limit_seconds, status, created_at, expires_at, submitted_at, submit_reason, filters)
    select id, user_id, mode, question_count, time_limit_seconds, status, created_at, expires_at, submitted_at, submit_reason, filters
      from jsonb_to_recordset(${r}::jsonb) as r(id uuid, user_id uuid, mode text, question_count int, time_limit_seconds int, status text,
             created_at timestamptz, expires_at timestamptz, submitted_at timestamptz, submit_reason text, filters jsonb)`);
  await insertRecords(tx, buffer.testSessionQuestions, chunkSize, (r) => sql`
    insert into test_session_questions (session_id, position, question_id, selected_index, is_marked)
    select session_id, position, question_id, selected_index, is_marked
      from jsonb_to_recordset(${r}::jsonb) as r(session_id uuid, position int, question_id uuid, selected_index int, is_marked boolean)`);
}

/** What the pipeline writes beside the log: quarantine, batch log, counters, sync tables. */
async function writeSideTables(tx: Executor, buffer: DayBuffer, chunkSize: number): Promise<void> {
  await insertRecords(tx, buffer.quarantine, chunkSize, (r) => sql`
    insert into quarantined_events (received_at, batch_id, user_id, event_id, event_type, code, message, issues, raw_json)
    select received_at, batch_id, user_id, event_id, event_type, code, message, issues, raw_json
      from jsonb_to_recordset(${r}::jsonb) as r(received_at timestamptz, batch_id uuid, user_id uuid, event_id uuid, event_type text,
             code text, message text, issues jsonb, raw_json jsonb)`);
  await insertRecords(tx, buffer.batches, chunkSize, (r) => sql`
    insert into ingest_batches (batch_id, client_batch_id, user_id, endpoint, source, client_version, item_count, success_count,
                                duplicate_count, failure_count, conflict_count, start_time, end_time, duration_ms, status)
    select batch_id, client_batch_id, user_id, endpoint, source, client_version, item_count, success_count,
           duplicate_count, failure_count, conflict_count, start_time, end_time, duration_ms, status
      from jsonb_to_recordset(${r}::jsonb) as r(batch_id uuid, client_batch_id text, user_id uuid, endpoint text, source text,
             client_version text, item_count int, success_count int, duplicate_count int, failure_count int, conflict_count int,
             start_time timestamptz, end_time timestamptz, duration_ms int, status text)`);
  await insertRecords(tx, buffer.counters, chunkSize, (r) => sql`
    insert into counter_events (viewer_id, event, created_at)
    select r.viewer_id, r.event, r.created_at
      from jsonb_to_recordset(${r}::jsonb) as r(viewer_id uuid, event text, created_at timestamptz, n int), generate_series(1, r.n)`);
  await insertRecords(tx, [...buffer.syncProgress.values()], chunkSize, (r) => sql`
    insert into sync_progress (user_id, entity_type, entity_id, progress, client_updated_at, server_updated_at)
    select user_id, entity_type, entity_id, progress, client_updated_at, server_updated_at
      from jsonb_to_recordset(${r}::jsonb) as r(user_id uuid, entity_type text, entity_id text, progress real, client_updated_at timestamptz, server_updated_at timestamptz)
    on conflict (user_id, entity_type, entity_id) do update set
      progress = excluded.progress, client_updated_at = excluded.client_updated_at, server_updated_at = excluded.server_updated_at`);
  await insertRecords(tx, [...buffer.syncAssessments.values()], chunkSize, (r) => sql`
    insert into sync_assessments (user_id, assessment_id, score, max_score, submitted_at, client_updated_at, server_updated_at)
    select user_id, assessment_id, score, max_score, submitted_at, client_updated_at, server_updated_at
      from jsonb_to_recordset(${r}::jsonb) as r(user_id uuid, assessment_id text, score real, max_score real, submitted_at timestamptz,
             client_updated_at timestamptz, server_updated_at timestamptz)
    on conflict (user_id, assessment_id) do nothing`);
}

/**
 * Writes one simulated day: reference rows first, then the log in event_ts order in chunks of
 * `chunkSize`, one transaction per chunk, so ingest order follows time as it would have live
 * (each chunk is one tx_id, and projections read the log in (tx_id, ingest_seq) order).
 */
export async function writeDay(db: Database, buffer: DayBuffer, chunkSize: number): Promise<void> {
  await db.transaction((tx) => writeSessions(tx, buffer, chunkSize));
  const ordered = buffer.events
    .map((event, order) => ({ event, order, at: Date.parse(event.event_ts) }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map((entry) => entry.event);
  for (let start = 0; start < ordered.length; start += chunkSize) {
    const chunk = ordered.slice(start, start + chunkSize);
    await db.transaction(async (tx) => {
      await appendEvents(tx, chunk);
    });
  }
  await db.transaction((tx) => writeSideTables(tx, buffer, chunkSize));
}
