import { appendEvents, type Database, type NewEvent } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import postgres from "postgres";

/** A valid PAUSE_BLUR row, ready for appendEvents; override any column. */
export function pauseEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    event_version: 1,
    event_type: "PAUSE_BLUR",
    family: "exam",
    event_ts: new Date().toISOString(),
    client_ts: null,
    seq: null,
    session_id: randomUUID(),
    user_id: randomUUID(),
    question_id: null,
    source: "web",
    payload_json: { state: "blur" },
    content_hash: "h",
    batch_id: null,
    ...overrides,
  };
}

/**
 * Appends `events` in their own transaction. Once it returns they are readable by every
 * projection: log positions are assigned in commit order, so there is no horizon to wait for.
 */
export async function appendVisible(db: Database, events: NewEvent[]): Promise<void> {
  await appendEvents(db.orm, events);
}

/** A second PostgreSQL connection to the database `db` uses, for a writer the test controls. */
export async function openSecondConnection(db: Database): Promise<postgres.Sql> {
  const [current] = await db.rows<{ name: string }>(sql`select current_database() as name`);
  const address = new URL(process.env.DATABASE_URL!);
  address.pathname = `/${current!.name}`;
  return postgres(address.toString(), { max: 1, onnotice: () => {} });
}

/**
 * Inserts `event` in a transaction on `connection` and holds it open: the row takes its
 * ingest_seq and log position now but becomes visible only at `commit()`, like a slow
 * writer's. Until then every other event writer waits for its own log position.
 */
export async function holdOpenWriter(connection: postgres.Sql, event: NewEvent): Promise<{ commit(): Promise<void> }> {
  let release!: () => void;
  const mayCommit = new Promise<void>((resolve) => (release = resolve));
  let inserted!: () => void;
  const hasInserted = new Promise<void>((resolve) => (inserted = resolve));
  const writer = connection.begin(async (tx) => {
    await tx.unsafe(
      `insert into events (id, event_version, event_type, family, event_ts, session_id, user_id, payload_json, content_hash)
       values ($1, 1, 'PAUSE_BLUR', 'exam', now(), $2, $3, '{"state":"blur"}', 'h')`,
      [event.id, event.session_id, event.user_id],
    );
    inserted();
    await mayCommit;
  });
  await hasInserted;
  return {
    async commit() {
      release();
      await writer;
    },
  };
}

/**
 * Creates a scratch database on the same PostgreSQL server as DATABASE_URL, opens a write
 * transaction in it and keeps it open (it holds an xid, as an idle-in-transaction session of
 * another application would) until `release()`, which also drops the database.
 */
export async function holdOpenTransactionInAnotherDatabase(): Promise<{ release(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL!;
  const name = `chronicle_foreign_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const address = new URL(adminUrl);
  address.pathname = `/${name}`;
  const foreign = postgres(address.toString(), { max: 1, onnotice: () => {} });
  await foreign.unsafe("create table held (n int)");
  let release!: () => void;
  const mayFinish = new Promise<void>((resolve) => (release = resolve));
  let wrote!: () => void;
  const hasWritten = new Promise<void>((resolve) => (wrote = resolve));
  const open = foreign.begin(async (tx) => {
    await tx.unsafe("insert into held values (1)");
    wrote();
    await mayFinish;
  });
  await hasWritten;
  return {
    async release() {
      release();
      await open;
      await foreign.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
