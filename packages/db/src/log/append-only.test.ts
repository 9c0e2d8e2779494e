import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client/database.ts";
import { sqlFailure } from "../client/sql-error.ts";
import { createTestDb, databaseTargets } from "../testing/test-databases.ts";
import { makeLogEvent as makeEvent } from "../testing/log-event.ts";
import { appendEvents, findStoredContentHashes } from "./append-events.ts";

describe.each(databaseTargets())("the event log on %s", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(async () => {
    await db?.close();
  });

  it("appends a batch in order and skips ids already stored", async () => {
    const first = makeEvent();
    const second = makeEvent({ seq: 2 });
    expect(await appendEvents(db.orm, [first, second])).toEqual(new Set([first.id, second.id]));
    const again = await appendEvents(db.orm, [first, makeEvent({ id: second.id, content_hash: "hash-b" })]);
    expect(again.size).toBe(0);
    const hashes = await findStoredContentHashes(db.orm, [first.id, second.id, randomUUID()]);
    expect(hashes).toEqual(new Map([[first.id, "hash-a"], [second.id, "hash-a"]]));
    const order = await db.rows<{ id: string }>(
      sql`select id::text as id from events where id in (${first.id}, ${second.id}) order by ingest_seq`,
    );
    expect(order.map((row) => row.id)).toEqual([first.id, second.id]);
  });

  it("refuses UPDATE on events at the SQL level", async () => {
    const event = makeEvent();
    await appendEvents(db.orm, [event]);
    expect(await sqlFailure(db.rows(sql`update events set seq = 99 where id = ${event.id}`))).toMatch(/append-only/);
  });

  it("refuses DELETE and TRUNCATE on events at the SQL level", async () => {
    const event = makeEvent();
    await appendEvents(db.orm, [event]);
    expect(await sqlFailure(db.rows(sql`delete from events where id = ${event.id}`))).toMatch(/append-only/);
    expect(await sqlFailure(db.rows(sql`truncate events`))).toMatch(/append-only/);
    const [row] = await db.rows<{ n: number }>(sql`select count(*)::int as n from events where id = ${event.id}`);
    expect(row?.n).toBe(1);
  });

  it("deletes only through the audited purge function", async () => {
    const learner = randomUUID();
    await appendEvents(db.orm, [makeEvent({ user_id: learner }), makeEvent({ user_id: learner, seq: 2 })]);
    const [purged] = await db.rows<{ deleted: number }>(
      sql`select chronicle_purge_events('test-suite', 'erasure request', ${learner}::uuid, null, null) as deleted`,
    );
    expect(purged?.deleted).toBe(2);
    const [audit] = await db.rows<{ actor: string; events_deleted: number }>(
      sql`select actor, events_deleted from purge_audit where user_id = ${learner}::uuid`,
    );
    expect(audit).toEqual({ actor: "test-suite", events_deleted: 2 });
    // The purge flag is transaction-local: a plain DELETE right after is refused again.
    expect(await sqlFailure(db.rows(sql`delete from events`))).toMatch(/append-only/);
  });

  it("refuses a purge without a reason or without a scope", async () => {
    expect(await sqlFailure(db.rows(sql`select chronicle_purge_events('ops', '', null, null, now())`))).toMatch(/actor and a reason/);
    expect(await sqlFailure(db.rows(sql`select chronicle_purge_events('ops', 'cleanup', null, null, null)`))).toMatch(/learner .* or a cutoff/);
    expect(await sqlFailure(db.rows(sql`select chronicle_purge_events('ops', 'cleanup', null, null, now(), 5, null)`))).toMatch(/both parts/);
  });

  it("leaves the log past a position bound alone, for events the projections have not applied", async () => {
    const learner = randomUUID();
    await appendEvents(db.orm, [makeEvent({ user_id: learner })]);
    const [first] = await db.rows<{ tx_id: string; ingest_seq: string }>(
      sql`select tx_id::text as tx_id, ingest_seq::text as ingest_seq from events where user_id = ${learner}::uuid`,
    );
    await appendEvents(db.orm, [makeEvent({ user_id: learner, seq: 2 })]);
    const [purged] = await db.rows<{ deleted: number }>(
      sql`select chronicle_purge_events('retention', 'test', ${learner}::uuid, null, now() + interval '1 day', ${first!.tx_id}::bigint, ${first!.ingest_seq}::bigint) as deleted`,
    );
    expect(purged?.deleted).toBe(1);
    const left = await db.rows<{ seq: number }>(sql`select seq from events where user_id = ${learner}::uuid`);
    expect(left).toEqual([{ seq: 2 }]);
  });
});
