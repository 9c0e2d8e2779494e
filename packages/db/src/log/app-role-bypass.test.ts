import { sql } from "drizzle-orm";
import { randomBytes, randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../client/create-db.ts";
import type { Database } from "../client/database.ts";
import { sqlFailure } from "../client/sql-error.ts";
import { createTestDb, createThrowawayPostgres, databaseTargets } from "../testing/test-databases.ts";
import { makeLogEvent } from "../testing/log-event.ts";
import { appendEvents, type NewEvent } from "./append-events.ts";

const makeEvent = (userId = randomUUID()): NewEvent => makeLogEvent({ user_id: userId });

async function countEvents(db: Database, id: string): Promise<number> {
  const [row] = await db.rows<{ n: number }>(sql`select count(*)::int as n from events where id = ${id}`);
  return row?.n ?? 0;
}

/** Even the owner (PGlite's only user) cannot delete from the log or the audit trail outside the purge function. */
describe.each(databaseTargets())("the sealed log and audit trail on %s, as the owner", (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb(driver);
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it("refuses a DELETE behind the old purge flag: setting it proves nothing now", async () => {
    const event = makeEvent();
    await appendEvents(db.orm, [event]);
    const failure = await sqlFailure(
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('chronicle.purge_in_progress', 'on', true)`);
        await tx.execute(sql`delete from events where id = ${event.id}`);
      }),
    );
    expect(failure).toMatch(/append-only/);
    expect(await countEvents(db, event.id)).toBe(1);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on purge_audit and admin_audit_log", async () => {
    await db.rows(sql`select chronicle_purge_events('ops', 'a test purge', ${randomUUID()}::uuid, null, null)`);
    for (const table of ["purge_audit", "admin_audit_log"]) {
      expect(await sqlFailure(db.rows(sql.raw(`delete from ${table}`)))).toMatch(/audit trail/);
      expect(await sqlFailure(db.rows(sql.raw(`truncate ${table}`)))).toMatch(/audit trail/);
    }
    expect(await sqlFailure(db.rows(sql`update purge_audit set actor = 'someone else'`))).toMatch(/audit trail/);
  });

  it("still purges through the function, recording the login that ran it", async () => {
    const learner = randomUUID();
    await appendEvents(db.orm, [makeEvent(learner), makeEvent(learner)]);
    const [purged] = await db.rows<{ deleted: number }>(sql`select chronicle_purge_events('retention', 'test', ${learner}::uuid, null, null) as deleted`);
    expect(purged?.deleted).toBe(2);
    const [audit] = await db.rows<{ actor: string; connected_as: string; login: string }>(
      sql`select actor, connected_as, session_user::text as login from purge_audit where user_id = ${learner}::uuid`,
    );
    expect(audit).toEqual({ actor: "retention", connected_as: audit?.login, login: audit?.login });
  });
});

/**
 * The server's role: a login in chronicle_app that owns nothing and is no superuser. Every way
 * around append-only is tried with it and refused. PostgreSQL only: PGlite has one user.
 */
describe.skipIf(!process.env.DATABASE_URL)("every bypass of append-only, tried as the app's role on postgres", () => {
  const suffix = randomBytes(4).toString("hex");
  // CI passes the login it created with deploy/postgres/create-roles.sql, as production would.
  const givenAppLogin = process.env.CHRONICLE_TEST_APP_LOGIN;
  const appLogin = givenAppLogin ?? `chronicle_test_app_${suffix}`;
  const purgerLogin = `chronicle_test_purger_${suffix}`;
  let throwaway: Awaited<ReturnType<typeof createThrowawayPostgres>>;
  let owner: Database;
  let app: Database;
  let admin: postgres.Sql;
  let event: NewEvent;

  const as = (login: string) => {
    const url = new URL(throwaway.url);
    url.username = login;
    return url.toString();
  };

  beforeAll(async () => {
    throwaway = await createThrowawayPostgres();
    owner = await createDb({ kind: "postgres", url: throwaway.url, maxConnections: 2 });
    admin = postgres(throwaway.url, { max: 1, onnotice: () => {} });
    // Logins are cluster-wide: each run makes its own, in the roles the migrations created.
    if (!givenAppLogin) await admin.unsafe(`create role ${appLogin} login in role chronicle_app`);
    await admin.unsafe(`create role ${purgerLogin} login in role chronicle_purger`);
    app = await createDb({ kind: "postgres", url: as(appLogin), maxConnections: 2 }, { migrate: false });
    event = makeEvent();
    await appendEvents(app.orm, [event]);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    if (!givenAppLogin) await admin?.unsafe(`drop role if exists ${appLogin}`);
    await admin?.unsafe(`drop role if exists ${purgerLogin}`);
    await admin?.end({ timeout: 5 });
    await throwaway?.drop();
  });

  it("appends and reads as the app role", async () => {
    expect(await countEvents(app, event.id)).toBe(1);
  });

  it("refuses SET chronicle.purge_in_progress + DELETE", async () => {
    const failure = await sqlFailure(
      app.transaction(async (tx) => {
        await tx.execute(sql`select set_config('chronicle.purge_in_progress', 'on', true)`);
        await tx.execute(sql`delete from events where id = ${event.id}`);
      }),
    );
    expect(failure).toMatch(/permission denied/);
  });

  it("refuses turning the triggers off with session_replication_role = replica", async () => {
    expect(await sqlFailure(app.rows(sql`set session_replication_role = replica`))).toMatch(/permission denied/);
  });

  it("refuses UPDATE and TRUNCATE on events", async () => {
    expect(await sqlFailure(app.rows(sql`update events set seq = 99 where id = ${event.id}`))).toMatch(/permission denied/);
    expect(await sqlFailure(app.rows(sql`truncate events`))).toMatch(/permission denied/);
  });

  it("refuses DELETE, UPDATE, TRUNCATE and a forged INSERT on the audit tables", async () => {
    for (const table of ["purge_audit", "admin_audit_log"]) {
      expect(await sqlFailure(app.rows(sql.raw(`delete from ${table}`)))).toMatch(/permission denied/);
      expect(await sqlFailure(app.rows(sql.raw(`truncate ${table}`)))).toMatch(/permission denied/);
    }
    expect(await sqlFailure(app.rows(sql`update admin_audit_log set procedure = 'x'`))).toMatch(/permission denied/);
    expect(
      await sqlFailure(app.rows(sql`insert into purge_audit (actor, reason, events_deleted) values ('retention', 'forged', 0)`)),
    ).toMatch(/permission denied/);
  });

  it("refuses calling the purge function", async () => {
    expect(
      await sqlFailure(app.rows(sql`select chronicle_purge_events('retention', 'cleanup', ${event.user_id}::uuid, null, null)`)),
    ).toMatch(/permission denied for function chronicle_purge_events/);
  });

  it("refuses planting a look-alike purge function", async () => {
    expect(
      await sqlFailure(app.rows(sql`create function public.chronicle_purge_events_x() returns int language sql as 'select 1'`)),
    ).toMatch(/permission denied/);
  });

  it("refuses DELETE and TRUNCATE on the log's partitions and on its id table, and creating a partition of its own", async () => {
    const [where] = await owner.rows<{ part: string }>(sql`select tableoid::regclass::text as part from events where id = ${event.id}`);
    for (const table of [where!.part, "events_exam", "event_ids"]) {
      expect(await sqlFailure(app.rows(sql.raw(`delete from ${table}`)))).toMatch(/permission denied/);
      expect(await sqlFailure(app.rows(sql.raw(`truncate ${table}`)))).toMatch(/permission denied/);
    }
    expect(await sqlFailure(app.rows(sql.raw(`drop table ${where!.part}`)))).toMatch(/must be owner/);
    expect(
      await sqlFailure(app.rows(sql.raw(`create table events_exam_2099_01 partition of events_exam for values from ('2099-01-01') to ('2099-02-01')`))),
    ).toMatch(/permission denied|must be owner/);
  });

  it("kept the event through every attempt", async () => {
    expect(await countEvents(owner, event.id)).toBe(1);
  });

  it("lets a login granted chronicle_purger purge, and the audit names that login whatever actor it writes", async () => {
    const purger = postgres(as(purgerLogin), { max: 1, onnotice: () => {} });
    try {
      const [row] = await purger`select chronicle_purge_events('chronicle retention job', 'erasure test', ${event.user_id}::uuid, null, null) as deleted`;
      expect(row?.deleted).toBe(1);
    } finally {
      await purger.end({ timeout: 5 });
    }
    const [audit] = await owner.rows<{ actor: string; connected_as: string }>(
      sql`select actor, connected_as from purge_audit where user_id = ${event.user_id}::uuid`,
    );
    expect(audit).toEqual({ actor: "chronicle retention job", connected_as: purgerLogin });
    expect(await countEvents(owner, event.id)).toBe(0);
  });
});
