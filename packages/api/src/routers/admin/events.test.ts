import { emitServerEvents } from "../../emit/emit-server-events.ts";
import type { AdminEventFilters } from "@chronicle/contracts";
import { databaseTargets } from "@chronicle/db/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientEvent, createTestServer, makeExamSession, makeLearner, type TestServer } from "../../testing/index.ts";
import { ingestAs, makeAdmin } from "./admin-test-kit.ts";

describe.each(databaseTargets())("admin.events and admin.sessionTimeline on %s", (driver) => {
  let server: TestServer;
  let clock = new Date("2031-03-01T10:00:00.000Z");
  const learner = makeLearner();
  const other = makeLearner();
  let examSession = "";
  const studySession = randomUUID();
  const stored: { id: string; type: string; userId: string; sessionId: string }[] = [];

  beforeAll(async () => {
    server = await createTestServer(driver, {}, () => clock);
    examSession = (await makeExamSession(server.db, learner)).sessionId;
    const otherExam = (await makeExamSession(server.db, other)).sessionId;
    // Five batches a minute apart: events of one batch share event_ts, so ties are broken by ingest_seq.
    for (let batch = 0; batch < 5; batch++) {
      const events = [
        ...Array.from({ length: 6 }, (_, i) => clientEvent("PAUSE_BLUR", examSession, { seq: batch * 10 + i })),
        clientEvent("session_start", studySession, { seq: batch }),
      ];
      await ingestAs(server, learner, events);
      await ingestAs(server, other, [clientEvent("PAUSE_BLUR", otherExam), clientEvent("NAVIGATE_NEXT", otherExam)]);
      stored.push(...events.map((e) => ({ id: e.id, type: e.event_type, userId: learner, sessionId: e.session_id })));
      clock = new Date(clock.getTime() + 60_000);
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  async function allPages(filters: AdminEventFilters, limit: number) {
    const { caller } = makeAdmin(server);
    const seen: { id: string; eventTs: string; ingestSeq: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof caller.admin.events>> = await caller.admin.events({ filters, cursor, limit });
      expect(page.events.length).toBeLessThanOrEqual(limit);
      seen.push(...page.events);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    return seen;
  }

  const newestFirst = (rows: { eventTs: string; ingestSeq: number }[]) =>
    rows.every((row, i) => i === 0 || rows[i - 1]!.eventTs > row.eventTs || (rows[i - 1]!.eventTs === row.eventTs && rows[i - 1]!.ingestSeq > row.ingestSeq));

  it.each([
    ["a learner", { userId: learner }, 35, 4],
    ["a session", { sessionId: "exam" }, 30, 7],
    ["types", { types: ["session_start", "NAVIGATE_NEXT"] }, 10, 3],
    ["families and a learner", { families: ["study"], userId: learner }, 5, 2],
    ["families", { families: ["exam"] }, 40, 9],
  ] as const)("pages %s exactly once each, newest first", async (_name, rawFilters, expected, limit) => {
    const filters: AdminEventFilters = "sessionId" in rawFilters ? { sessionId: examSession } : { ...rawFilters, types: "types" in rawFilters ? [...rawFilters.types] : undefined, families: "families" in rawFilters ? [...rawFilters.families] : undefined };
    const seen = await allPages(filters, limit);
    expect(seen).toHaveLength(expected);
    expect(new Set(seen.map((e) => e.id)).size).toBe(expected);
    expect(newestFirst(seen)).toBe(true);
  });

  it("pages the whole log with no filter and honours from/to", async () => {
    const seen = await allPages({ from: "2031-03-01T10:01:00.000Z", to: "2031-03-01T10:03:00.000Z" }, 4);
    expect(seen).toHaveLength(2 * (7 + 2));
    const ids = new Set((await allPages({}, 200)).map((e) => e.id));
    for (const event of stored) expect(ids.has(event.id)).toBe(true);
  });

  it("refuses a cursor it did not issue", async () => {
    await expect(makeAdmin(server).caller.admin.events({ cursor: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lists a session by time and flags the missing seq numbers", async () => {
    const gappy = makeLearner();
    const { sessionId } = await makeExamSession(server.db, gappy);
    // seq 0..9 with 3, 4 and 8 never sent; 7 sent twice (two events, one seq); sent out of order, each a second after the previous seq.
    const seqs = [9, 0, 1, 2, 5, 6, 7, 7];
    const happened = (seq: number) => new Date(clock.getTime() - 60_000 + seq * 1000).toISOString();
    await ingestAs(server, gappy, seqs.map((seq) => clientEvent("PAUSE_BLUR", sessionId, { seq, client_ts: happened(seq) })));
    const timeline = await makeAdmin(server).caller.admin.sessionTimeline({ sessionId });
    expect(timeline.events.map((e) => e.seq)).toEqual([0, 1, 2, 5, 6, 7, 7, 9]);
    expect(timeline).toMatchObject({ maxSeq: 9, presentSeqCount: 7, missingSeqs: [3, 4, 8], missingSeqCount: 3, completenessPercent: 70, truncated: false });
  });

  it("interleaves client and server events by time instead of listing all client events first", async () => {
    const learner = makeLearner();
    const { sessionId } = await makeExamSession(server.db, learner);
    const at = (minute: number) => new Date(Date.UTC(2031, 2, 2, 9, minute)).toISOString();
    clock = new Date(at(0));
    await ingestAs(server, learner, [clientEvent("PAUSE_BLUR", sessionId, { seq: 0, client_ts: at(0), payload: { state: "blur" } })]);
    await emitServerEvents(server.db.orm, [{ type: "REVIEW_OPENED", sessionId, userId: learner, payload: {} }], new Date(at(1)));
    clock = new Date(at(2));
    await ingestAs(server, learner, [clientEvent("PAUSE_BLUR", sessionId, { seq: 1, client_ts: at(2), payload: { state: "focus" } })]);
    const timeline = await makeAdmin(server).caller.admin.sessionTimeline({ sessionId });
    expect(timeline.events.map((e) => e.eventType)).toEqual(["PAUSE_BLUR", "REVIEW_OPENED", "PAUSE_BLUR"]);
  });

  it("reports a complete session as 100 % and an unknown one as empty", async () => {
    const { caller } = makeAdmin(server);
    const study = await caller.admin.sessionTimeline({ sessionId: studySession });
    expect(study).toMatchObject({ maxSeq: 4, missingSeqs: [], completenessPercent: 100 });
    expect(await caller.admin.sessionTimeline({ sessionId: randomUUID() })).toMatchObject({ events: [], maxSeq: null, completenessPercent: null });
  });
});
