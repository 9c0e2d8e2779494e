import { createDb, type Database } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import { loadEnv } from "@chronicle/api/env.ts";
import { measureProjectionLag } from "@chronicle/api/projections/projection-lag.ts";
import { allProjections } from "@chronicle/api/projections/registry.ts";
import { makeExamSession, makeLearner } from "@chronicle/api/testing/index.ts";
import { createFreshDatabase, type FreshDatabase } from "./testing/fresh-database.ts";
import { startServe, type ServeProcess } from "./testing/serve-process.ts";

const SECRET = "grading-kill-secret-0123456789abcdef";

/**
 * Takes Chronicle's log-position lock (advisory (2026, 12), see migration 0018) in a
 * transaction of the test's own and holds it: every event-writing transaction then waits at
 * its events insert, after its state change. `release()` commits and frees it.
 */
async function holdLogPositionLock(url: string): Promise<{ release(): Promise<void> }> {
  const connection = postgres(url, { max: 1, onnotice: () => {} });
  let release!: () => void;
  const mayRelease = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holder = connection.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(2026, 12)`;
    locked();
    await mayRelease;
  });
  // A test that fails before release() drops the database under this connection: that is not a second failure.
  holder.catch(() => {});
  await isLocked;
  return {
    async release() {
      release();
      await holder;
      await connection.end({ timeout: 5 });
    },
  };
}

/**
 * The backend of a grading that is writing its events: its insert waits for the log-position
 * lock. Nothing else writes events meanwhile (no traffic, projections caught up), so it is the
 * grading's. Null until there is one. Only this database's backends count: the suites running
 * beside this one take the same lock key in their own databases.
 * Only a wait that began under a second ago counts: a job's wait ends by its 5 s lock_timeout and
 * the next tick waits again, so an older wait could end between this check and the kill.
 */
async function gradingBackendWaiting(db: Database): Promise<number | null> {
  const [row] = await db.rows<{ pid: number }>(
    sql`select w.pid from pg_locks w join pg_stat_activity a on a.pid = w.pid
         where w.locktype = 'advisory' and w.classid = 2026 and w.objid = 12 and not w.granted
           and a.datname = current_database()
           and a.query ilike '%insert into events%'
           and a.query_start > now() - interval '1 second'
         limit 1`,
  );
  return row?.pid ?? null;
}

async function waitFor<T>(what: string, withinMs: number, check: () => Promise<T | null | false>, pollMs = 100): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== null && value !== false) return value;
    if (Date.now() - started > withinMs) throw new Error(`${what} did not happen within ${withinMs / 1000} s`);
    await sleep(pollMs);
  }
}

interface Grading {
  status: string;
  submit_reason: string | null;
  submitted: number;
  expired: number;
}

async function gradingOf(db: Database, sessionId: string): Promise<Grading> {
  const [row] = await db.rows<Grading>(
    sql`select s.status, s.submit_reason,
               (select count(*)::int from events e where e.session_id = s.id and e.event_type = 'SESSION_SUBMITTED') as submitted,
               (select count(*)::int from events e where e.session_id = s.id and e.event_type = 'SESSION_EXPIRED') as expired
          from test_sessions s where s.id = ${sessionId}`,
  );
  return row!;
}

/** State and events agree: graded with exactly its events, or still active with none. */
function expectConsistent(grading: Grading, reason: "manual" | "expired") {
  if (grading.status === "active") expect(grading).toMatchObject({ submitted: 0, expired: 0 });
  else expect(grading).toMatchObject({ status: "submitted", submit_reason: reason, submitted: 1, expired: reason === "expired" ? 1 : 0 });
}

/** Kills `serve` with kill -9 while `pid` (its backend) waits mid-grading, then lets that backend go on. */
async function killMidGrading(db: Database, serve: ServeProcess, lock: { release(): Promise<void> }, pid: number): Promise<void> {
  serve.child.kill("SIGKILL");
  expect(await serve.exited).toBe("SIGKILL");
  // Its backend is still there, waiting, transaction open; freeing the lock lets it run its insert,
  // then it finds its client gone, so the transaction never commits.
  expect((await db.rows(sql`select pid from pg_stat_activity where pid = ${pid} and xact_start is not null`)).length).toBe(1);
  await lock.release();
  await waitFor(`the killed process's backend ${pid} to end`, 20_000, async () => (await db.rows(sql`select pid from pg_stat_activity where pid = ${pid}`)).length === 0);
}

describe.skipIf(!process.env.DATABASE_URL)("exam grading when its process is killed mid-transaction (PostgreSQL only: embedded PGlite is one process)", () => {
  const processes: ServeProcess[] = [];
  let database: FreshDatabase | undefined;
  let db: Database | undefined;
  afterAll(async () => {
    for (const serve of processes) serve.child.kill("SIGKILL");
    await Promise.all(processes.map((serve) => serve.exited));
    await db?.close();
    await database?.drop();
  });

  it("never changes a session without its SESSION_SUBMITTED / SESSION_EXPIRED, and grades it exactly once after a restart", async () => {
    database = await createFreshDatabase();
    const env = { DATABASE_URL: database.url, NODE_ENV: "production", CHRONICLE_JWT_SECRET: SECRET };
    const api = await startServe("api", env);
    processes.push(api);
    db = await createDb({ kind: "postgres", url: database.url, maxConnections: 2 }, { migrate: false });
    const tokenEnv = loadEnv({ NODE_ENV: "test", CHRONICLE_JWT_SECRET: SECRET });
    const submit = async (port: number, userId: string, sessionId: string) => {
      const token = await signDevToken(tokenEnv, { role: "learner", sub: userId });
      return fetch(`http://127.0.0.1:${port}/trpc/sessions.submit`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ sessionId }),
      });
    };

    // 1. A learner's submit, through a real API process killed while its grading transaction is open.
    const learner = makeLearner();
    const manual = await makeExamSession(db, learner, 3);
    let lock = await holdLogPositionLock(database.url);
    const request = submit(api.port, learner, manual.sessionId).then(
      (response) => `HTTP ${response.status}`,
      (error: Error) => `no answer (${error.message})`,
    );
    let pid = await waitFor("the API's grading transaction to wait for the log-position lock", 10_000, () => gradingBackendWaiting(db!), 20);
    await killMidGrading(db, api, lock, pid);
    const answer = await request;
    const afterApiKill = await gradingOf(db, manual.sessionId);
    expectConsistent(afterApiKill, "manual");

    // A restarted API process grades it, once, however often the learner submits.
    const restartedApi = await startServe("api", env);
    processes.push(restartedApi);
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await submit(restartedApi.port, learner, manual.sessionId)).status).toBe(200);
    expect(await gradingOf(db, manual.sessionId)).toEqual({ status: "submitted", submit_reason: "manual", submitted: 1, expired: 0 });

    // 2. Expiry by the expire-sessions job of a real worker, killed while its grading transaction is open.
    const worker = await startServe("worker", env);
    processes.push(worker);
    // Its projections (XP for the first session, ...) write events too: let them finish first.
    await waitFor("projections to catch up", 30_000, async () =>
      (await measureProjectionLag(db!.orm, allProjections)).every((lag) => lag.pendingEvents === 0),
    );
    const expiring = await makeExamSession(db, makeLearner(), 3);
    lock = await holdLogPositionLock(database.url);
    await db.rows(sql`update test_sessions set expires_at = now() - interval '1 second' where id = ${expiring.sessionId}`);
    pid = await waitFor("the worker's expiry transaction to wait for the log-position lock", 15_000, () => gradingBackendWaiting(db!), 20);
    const workerKilledAt = Date.now();
    await killMidGrading(db, worker, lock, pid);
    const afterWorkerKill = await gradingOf(db, expiring.sessionId);
    expectConsistent(afterWorkerKill, "expired");

    // A new worker takes the job over (once the dead one's lease expires) and expires it, once.
    const restartedWorker = await startServe("worker", env);
    processes.push(restartedWorker);
    await waitFor("the restarted worker to expire the session", 40_000, async () => (await gradingOf(db!, expiring.sessionId)).status === "submitted");
    const expiredAfterKillMs = Date.now() - workerKilledAt;
    expect(await gradingOf(db, expiring.sessionId)).toEqual({ status: "submitted", submit_reason: "expired", submitted: 1, expired: 1 });

    // The grading itself (test_session_results, from those events) is there once per session.
    const results = await waitFor("exam-results to grade both sessions", 30_000, async () => {
      const rows = await db!.rows<{ session_id: string; submit_reason: string }>(
        sql`select session_id::text, submit_reason from test_session_results
             where session_id in (${manual.sessionId}, ${expiring.sessionId}) and submitted_at is not null order by submit_reason`,
      );
      return rows.length === 2 ? rows : null;
    });
    expect(results).toEqual([
      { session_id: expiring.sessionId, submit_reason: "expired" },
      { session_id: manual.sessionId, submit_reason: "manual" },
    ]);
    console.log(
      `[measure] kill -9 mid-grading: API submit left the session ${afterApiKill.status} (client got ${answer}); ` +
        `worker expiry left it ${afterWorkerKill.status}; a restarted worker expired it ${(expiredAfterKillMs / 1000).toFixed(1)} s after the kill`,
    );
  }, 120_000);
});
