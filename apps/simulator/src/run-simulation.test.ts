import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import { createTestServer, listen, type RunningServer, type TestServer } from "@chronicle/api/testing/index.ts";
import { runSimulation, type SimulationSummary } from "./run-simulation.ts";

describe.each(databaseTargets())("chronicle simulate against a real HTTP server on %s", (driver) => {
  let server: TestServer;
  let http: RunningServer;
  let summary: SimulationSummary;
  const learnersIn = () => sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(summary.learnerIds)}::jsonb))`;

  beforeAll(async () => {
    server = await createTestServer(driver);
    await loadQuestionBank(server.db.orm);
    http = await listen(server.deps);
    summary = await runSimulation(
      { url: http.url, learners: 3, days: 2, seed: 7, badRate: 0.1, concurrency: 2 },
      { signToken: (request) => signDevToken(server.deps.env, request) },
    );
    await server.settle();
  }, 120_000);
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  it("completes every call and sends traffic of all five families", () => {
    expect(summary.tally.failedCalls).toBe(0);
    for (const family of ["exam", "study", "game", "sync", "counter"] as const) {
      expect(summary.tally.families[family].accepted, family).toBeGreaterThan(0);
    }
    expect(summary.tally.calls.checkins).toBe(6);
  });

  it("stores exactly the events the summary reports as accepted, per family", async () => {
    // Events the simulator sent carry client_ts; events the server emitted itself (answers, streaks, XP) do not.
    const rows = await server.db.rows<{ family: string; n: number }>(
      sql`select family, count(*)::int as n from events where user_id in ${learnersIn()} and client_ts is not null group by family`,
    );
    const stored = Object.fromEntries(rows.map((row) => [row.family, row.n]));
    for (const family of ["exam", "study", "game", "sync"] as const) {
      expect(stored[family] ?? 0, family).toBe(summary.tally.families[family].accepted);
    }
    const [counters] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from counter_events where viewer_id in ${learnersIn()}`);
    expect(counters!.n).toBe(summary.tally.families.counter.accepted);
  });

  it("quarantines every rejected event and malformed sync item, with its reason", async () => {
    const rejected = (["exam", "study", "game", "sync"] as const).reduce((sum, family) => sum + summary.tally.families[family].rejected, 0);
    expect(rejected).toBeGreaterThan(0);
    const codes = await server.db.rows<{ code: string; n: number }>(
      sql`select code, count(*)::int as n from quarantined_events where user_id in ${learnersIn()} group by code`,
    );
    expect(codes.reduce((sum, row) => sum + row.n, 0)).toBe(rejected + summary.tally.syncItems.failed);
    expect(codes.map((row) => row.code)).toEqual(expect.arrayContaining(["invalid_payload"]));
  });

  it("leaves aggregates the admin app reads: exam results, study sessions and game features", async () => {
    const [exams] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from test_session_results where user_id in ${learnersIn()} and submitted_at is not null`);
    expect(exams!.n).toBe(summary.tally.calls.examSessions);
    const [games] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from behavioral_features where student_id in ${learnersIn()}`);
    expect(games!.n).toBe(summary.tally.calls.gameSessionsClosed);
    const [study] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from study_sessions where user_id in ${learnersIn()}`);
    expect(study!.n).toBeGreaterThanOrEqual(summary.tally.calls.studySessions);
  });
});
