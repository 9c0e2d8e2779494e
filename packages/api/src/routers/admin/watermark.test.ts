import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest, studyEvent, testClock } from "../../study/study-test-kit.ts";
import { createTestServer, makeLearner, type TestServer } from "../../testing/index.ts";
import { makeAdmin } from "./admin-test-kit.ts";

describe.each(databaseTargets())("consistent-through watermarks on %s", (driver) => {
  let server: TestServer;
  const clock = testClock("2026-02-02T08:00:00.000Z");
  beforeAll(async () => {
    server = await createTestServer(driver, {}, clock.now);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("says up to which log position and time admin.learner, admin.learners, admin.topics and gamification.profile include events", async () => {
    const learner = makeLearner();
    const session = randomUUID();
    const admin = makeAdmin(server).caller;
    await ingest(server, learner, [studyEvent("session_start", session)]);
    await server.settle();
    // Every projection has applied the log: the watermark is the head, the newest event overall, and its time.
    const head = async () =>
      (await server.db.rows<{ position: string; at: string }>(
        sql`select tx_id::text || ':' || ingest_seq::text as position, to_char(event_ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
              from events order by tx_id desc, ingest_seq desc limit 1`,
      ))[0]!;
    const first = await head();
    expect((await admin.admin.learner({ userId: learner })).watermark).toEqual({ logPosition: first.position, consistentThrough: first.at });
    expect((await server.learner(learner).gamification.profile()).watermark).toEqual({ logPosition: first.position, consistentThrough: first.at });
    expect((await admin.admin.topics()).watermark).toEqual({ logPosition: first.position, consistentThrough: first.at });
    expect((await admin.admin.learners({})).watermark).toEqual({ logPosition: first.position, consistentThrough: first.at });

    clock.set("2026-02-02T09:00:00.000Z");
    await ingest(server, learner, [studyEvent("material_open", session)]);
    await server.settle();
    const second = await head();
    expect(second.position).not.toBe(first.position);
    expect((await admin.admin.learner({ userId: learner })).watermark).toEqual({ logPosition: second.position, consistentThrough: second.at });
    expect((await admin.admin.learners({})).watermark).toEqual({ logPosition: second.position, consistentThrough: second.at });
  });

  it("does not claim events the directory's projections have not applied yet", async () => {
    const admin = makeAdmin(server).caller;
    await server.settle();
    const before = (await admin.admin.learners({})).watermark;
    clock.set("2026-02-02T10:00:00.000Z");
    await ingest(server, makeLearner(), [studyEvent("session_start", randomUUID())]);
    // Appended but not yet projected: the directory's XP and mastery are still as of the earlier event.
    expect((await admin.admin.learners({})).watermark).toEqual(before);
    await server.settle();
    const after = (await admin.admin.learners({})).watermark;
    expect(after.consistentThrough).toBe("2026-02-02T10:00:00.000000Z");
    expect(after.logPosition).not.toBe(before.logPosition);
  });
});
