import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { sessionEvents } from "./testing/exam-test-kit.ts";

/** Makes the real events table refuse every insert for one session, as a failing telemetry store would. */
async function refuseEventsFor(server: TestServer, sessionId: string): Promise<() => Promise<void>> {
  // sessionId comes from the server (a UUID), so inlining it into the DDL is safe.
  await server.db.orm.execute(
    sql.raw(`create or replace function test_refuse_session_events() returns trigger language plpgsql as $$
      begin
        if new.session_id = '${sessionId}'::uuid then raise exception 'telemetry store unavailable for this session'; end if;
        return new;
      end $$`),
  );
  await server.db.orm.execute(sql.raw(`create trigger test_refuse_session_events before insert on events for each row execute function test_refuse_session_events()`));
  return async () => {
    await server.db.orm.execute(sql.raw(`drop trigger test_refuse_session_events on events`));
  };
}

describe.each(databaseTargets())("best-effort exam telemetry on %s", (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
    await loadQuestionBank(server.db.orm);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("keeps the learner's answer and submission when the events insert fails, and logs the failure", async () => {
    const sessions = server.learner(makeLearner()).sessions;
    const { sessionId } = await sessions.create({ mode: "practice", questionCount: 2 });
    const restore = await refuseEventsFor(server, sessionId);
    try {
      expect(await sessions.answer({ sessionId, position: 1, action: "select", selectedIndex: 1 })).toMatchObject({ selectedIndex: 1 });
      await sessions.answer({ sessionId, position: 2, action: "mark", marked: true });
      expect(await sessions.submit({ sessionId })).toMatchObject({ status: "submitted", answered: 1, total: 2 });
    } finally {
      await restore();
    }
    const view = await sessions.get({ sessionId });
    expect(view.questions.map((q) => [q.selectedIndex, q.marked])).toEqual([
      [1, false],
      [null, true],
    ]);
    expect((await sessionEvents(server.db, sessionId)).map((e) => e.type)).toEqual(["SESSION_CREATED"]);
    const failures = server.log.lines.filter((line) => line.message === "telemetry.server_emit_failed");
    expect(failures.map((line) => line.context.events)).toEqual([
      [{ type: "ANSWER_SELECTED", sessionId }],
      [{ type: "MARK_FOR_REVIEW_TOGGLED", sessionId }],
      [{ type: "SESSION_SUBMITTED", sessionId }],
    ]);
    const error = failures[0]!.context.error as Error;
    expect(`${error.message} ${String(error.cause)}`).toContain("telemetry store unavailable for this session");
  });
});
