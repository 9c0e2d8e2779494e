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
 * On a shared PostgreSQL server the horizon is cluster-wide: another suite's open
 * transaction (in another database) holds it back for a moment. Wait until the appended
 * events are below it, as the runner would on its next tick.
 */
export async function appendVisible(db: Database, events: NewEvent[]): Promise<void> {
  await appendEvents(db.orm, events);
  await waitBelowHorizon(db, events.map((e) => e.id));
}

export async function waitBelowHorizon(db: Database, eventIds: string[]): Promise<void> {
  const ids = JSON.stringify(eventIds);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [row] = await db.rows<{ n: number }>(
      sql`select count(*)::int as n from events
           where id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))
             and tx_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`,
    );
    if (row!.n === eventIds.length) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("appended events never fell below the projection horizon");
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
 * ingest_seq now but becomes visible only at `commit()`, like a slow writer's.
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
