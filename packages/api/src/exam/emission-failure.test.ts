import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireSessionsJob } from "../jobs/expire-sessions.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { manualClock, sessionEvents } from "./testing/exam-test-kit.ts";

/**
 * Makes the real events table refuse every insert for one session, as a store that gives up
 * would: the error is PostgreSQL's lock_not_available (55P03), what a writer sees when it
 * cannot get the log position in time.
 */
async function refuseEventsFor(server: TestServer, sessionId: string): Promise<() => Promise<void>> {
  // sessionId comes from the server (a UUID), so inlining it into the DDL is safe.
  await server.db.orm.execute(
    sql.raw(`create or replace function test_refuse_session_events() returns trigger language plpgsql as $$
      begin
        if new.session_id = '${sessionId}'::uuid then
          raise exception 'telemetry store unavailable for this session' using errcode = '55P03';
        end if;
        return new;
      end $$`),
  );
  await server.db.orm.execute(sql.raw(`create trigger test_refuse_session_events before insert on events for each row execute function test_refuse_session_events()`));
  return async () => {
    await server.db.orm.execute(sql.raw(`drop trigger test_refuse_session_events on events`));
  };
}

describe.each(databaseTargets())("exam telemetry when the events insert fails on %s", (driver) => {
  let server: TestServer;
  const clock = manualClock();
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
    await loadQuestionBank(server.db.orm);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function statusOf(sessionId: string) {
    const [row] = await server.db.rows<{ status: string; submit_reason: string | null }>(
      sql`select status, submit_reason from test_sessions where id = ${sessionId}::uuid`,
    );
    return row;
  }

  it("keeps the learner's answers (best-effort events), but submits only together with SESSION_SUBMITTED", async () => {
    const sessions = server.learner(makeLearner()).sessions;
    const { sessionId } = await sessions.create({ mode: "practice", questionCount: 2 });
    const restore = await refuseEventsFor(server, sessionId);
    try {
      expect(await sessions.answer({ sessionId, position: 1, action: "select", selectedIndex: 1 })).toMatchObject({ selectedIndex: 1 });
      await sessions.answer({ sessionId, position: 2, action: "mark", marked: true });
      // The grading comes from SESSION_SUBMITTED, so a submit without it would lose the grade for good.
      await expect(sessions.submit({ sessionId })).rejects.toMatchObject({
        code: "SERVICE_UNAVAILABLE",
        message: `Chronicle could not submit session '${sessionId}'; nothing changed and your answers are saved, submit again in 5 seconds.`,
      });
      expect(await statusOf(sessionId)).toEqual({ status: "active", submit_reason: null });
    } finally {
      await restore();
    }
    const view = await sessions.get({ sessionId });
    expect(view.questions.map((q) => [q.selectedIndex, q.marked])).toEqual([
      [1, false],
      [null, true],
    ]);
    const failures = server.log.lines.filter((line) => line.message === "telemetry.server_emit_failed");
    expect(failures.map((line) => line.context.events)).toEqual([
      [{ type: "ANSWER_SELECTED", sessionId }],
      [{ type: "MARK_FOR_REVIEW_TOGGLED", sessionId }],
    ]);
    const error = failures[0]!.context.error as Error;
    expect(`${error.message} ${String(error.cause)}`).toContain("telemetry store unavailable for this session");

    // Submitting again once the store is back submits it, with its event, once.
    expect(await sessions.submit({ sessionId })).toMatchObject({ status: "submitted", submitReason: "manual", answered: 1, total: 2 });
    expect(await sessions.submit({ sessionId })).toMatchObject({ status: "submitted", answered: 1 });
    expect((await sessionEvents(server.db, sessionId)).map((e) => [e.type, e.payload])).toEqual([
      ["SESSION_CREATED", expect.anything()],
      ["SESSION_SUBMITTED", { reason: "manual" }],
    ]);
  });

  it("leaves an expired session to the next expiry run when its events cannot be stored, then expires it with them", async () => {
    const sessions = server.learner(makeLearner()).sessions;
    const { sessionId } = await sessions.create({ mode: "timed", questionCount: 2 });
    const other = await server.learner(makeLearner()).sessions.create({ mode: "timed", questionCount: 2 });
    const restore = await refuseEventsFor(server, sessionId);
    try {
      await expect(expireSessionsJob.run(server.deps, clock.advance(2 * 90))).rejects.toThrow(/1 expired session/);
      expect(await statusOf(sessionId)).toEqual({ status: "active", submit_reason: null });
      // The session whose events can be stored does not wait for it.
      expect(await statusOf(other.sessionId)).toEqual({ status: "submitted", submit_reason: "expired" });
    } finally {
      await restore();
    }
    const deadline = clock.advance(5);
    await expireSessionsJob.run(server.deps, deadline);
    expect(await statusOf(sessionId)).toEqual({ status: "submitted", submit_reason: "expired" });
    expect((await sessionEvents(server.db, sessionId)).map((e) => [e.type, e.payload])).toEqual([
      ["SESSION_CREATED", expect.anything()],
      ["SESSION_EXPIRED", {}],
      ["SESSION_SUBMITTED", { reason: "expired" }],
    ]);
  });
});
