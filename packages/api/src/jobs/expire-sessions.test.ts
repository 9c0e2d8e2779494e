import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, sessionEvents } from "../exam/testing/exam-test-kit.ts";
import { createTestServer, makeLearner, type TestServer } from "../testing/index.ts";
import { expireSessionsJob } from "./expire-sessions.ts";

describe.each(databaseTargets())("the expire-sessions job on %s", (driver) => {
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

  it("submits timed sessions whose clock ran out as expired, once, and leaves the others running", async () => {
    const learner = server.learner(makeLearner()).sessions;
    const timed = await learner.create({ mode: "timed", questionCount: 2 });
    const longExam = await learner.create({ mode: "exam", questionCount: 10 });
    const practice = await learner.create({ mode: "practice", questionCount: 2 });
    await learner.answer({ sessionId: timed.sessionId, position: 1, action: "select", selectedIndex: 0 });

    const deadline = clock.advance(2 * 90);
    await expireSessionsJob.run(server.deps, deadline);

    expect(await statusOf(timed.sessionId)).toEqual({ status: "submitted", submit_reason: "expired" });
    expect(await statusOf(longExam.sessionId)).toEqual({ status: "active", submit_reason: null });
    expect(await statusOf(practice.sessionId)).toEqual({ status: "active", submit_reason: null });
    const events = await sessionEvents(server.db, timed.sessionId);
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ["SESSION_CREATED", expect.anything()],
      ["ANSWER_SELECTED", expect.anything()],
      ["SESSION_EXPIRED", {}],
      ["SESSION_SUBMITTED", { reason: "expired" }],
    ]);
    expect(events.at(-1)!.eventTs).toBe(deadline.toISOString());

    // Only the job's own events: projections may emit XP events in the background meanwhile.
    const countExpiryEvents = () =>
      server.db.rows<{ n: number }>(sql`select count(*)::int as n from events where event_type in ('SESSION_EXPIRED', 'SESSION_SUBMITTED')`);
    const [before] = await countExpiryEvents();
    await expireSessionsJob.run(server.deps, clock.advance(5));
    const [after] = await countExpiryEvents();
    expect(after!.n).toBe(before!.n);

    const score = await learner.submit({ sessionId: timed.sessionId });
    expect(score).toMatchObject({ submitReason: "expired", answered: 1, total: 2 });
  });

  it("submits an overdue session as expired when its learner answers, and refuses the answer", async () => {
    const learner = server.learner(makeLearner()).sessions;
    const { sessionId } = await learner.create({ mode: "exam", questionCount: 1 });
    clock.advance(91);
    await expect(learner.answer({ sessionId, position: 1, action: "select", selectedIndex: 0 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: `Session '${sessionId}' ran out of time and was submitted; open its review to see the result.`,
    });
    expect(await statusOf(sessionId)).toEqual({ status: "submitted", submit_reason: "expired" });
    expect((await sessionEvents(server.db, sessionId)).map((e) => e.type)).toEqual(["SESSION_CREATED", "SESSION_EXPIRED", "SESSION_SUBMITTED"]);
    expect(await learner.get({ sessionId })).toMatchObject({ status: "submitted", submitReason: "expired", secondsLeft: null });
  });

  it("counts the clock down in get", async () => {
    const learner = server.learner(makeLearner()).sessions;
    const { sessionId } = await learner.create({ mode: "timed", questionCount: 3 });
    clock.advance(100.5);
    expect((await learner.get({ sessionId })).secondsLeft).toBe(170);
  });
});
