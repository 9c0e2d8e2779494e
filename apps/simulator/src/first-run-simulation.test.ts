import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKDATED_LABEL, readClockSkew } from "@chronicle/api/admin/read-clock-skew.ts";
import { createTestServer, listen, type RunningServer, type TestServer } from "@chronicle/api/testing/index.ts";
import { startFirstRunSimulation } from "./first-run-simulation.ts";

const SMALL_DEMO = {
  // Twelve devices, as in the real demo: two of them have clocks minutes off.
  history: { events: 600, days: 3, learners: 12, seed: 3, badRate: 0 },
  live: { learners: 2, days: 1, seed: 3, badRate: 0, concurrency: 2 },
};

describe.each(databaseTargets())("the first-run demo data of `npm start` on %s", (driver) => {
  let server: TestServer;
  let http: RunningServer;
  beforeAll(async () => {
    server = await createTestServer(driver);
    await loadQuestionBank(server.db.orm);
    http = await listen(server.deps);
  });
  afterAll(async () => {
    await http?.close();
    await server?.close();
  });

  it("says it is loading, then how many events are loaded once the charts can show them", async () => {
    const lines: string[] = [];
    await startFirstRunSimulation(server.db, server.deps.env, http.url, {
      print: (line) => lines.push(line),
      settle: () => server.settle(),
      demo: SMALL_DEMO,
    });

    expect(lines[0]).toMatch(/^\[chronicle\] loading demo data… \(3 days of history from 12 simulated learners, then today's traffic from 2 more/);
    const done = lines.at(-1)!.match(/^\[chronicle\] demo data loaded: (\d+) events in (\d+\.\d) s/);
    expect(done, lines.join("\n")).not.toBeNull();
    const [logged] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from events`);
    expect(Number(done![1])).toBe(logged!.n);
  }, 120_000);

  it("spreads the demo over days, so daily charts show days and not one bar", async () => {
    const admin = server.callerFor({ userId: "00000000-0000-4000-8000-0000000000ad", role: "admin", scopes: [] });
    const { topics } = await admin.admin.topics();
    const busiest = [...topics].sort((a, b) => b.attempts - a.attempts)[0]!;
    const topic = await admin.admin.topic({ topicId: busiest.topicId });
    expect(topic.daily.length).toBeGreaterThanOrEqual(3);
    const { learners } = await admin.admin.learners({});
    const activeDays = await Promise.all(learners.map(async (row) => (await admin.admin.learner({ userId: row.userId })).daily.length));
    expect(Math.max(...activeDays)).toBeGreaterThanOrEqual(2);
    const game = await admin.admin.game({});
    expect(new Set(game.trend.map((point) => point.day)).size).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it("gives the demo's devices believable clocks: skew of a few seconds, the minutes-off devices as outliers, nothing read as back-dated", async () => {
    const admin = server.callerFor({ userId: "00000000-0000-4000-8000-0000000000ad", role: "admin", scopes: [] });
    // Today's traffic, as ingestion health shows it.
    const { clockSkew: live } = await admin.admin.ingestionHealth({ windowMinutes: 60 });
    expect(live.sampleSize).toBeGreaterThan(50);
    expect(Math.abs(live.percentilesMs.p50!)).toBeLessThan(15_000);
    expect(live.histogram.find((bucket) => bucket.label === BACKDATED_LABEL)!.count).toBe(0);

    // The back-dated week, measured against when each event was really received.
    const startOfToday = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    const history = await readClockSkew(server.db.orm, new Date(startOfToday - 4 * 86_400_000), new Date(startOfToday));
    expect(history.sampleSize).toBeGreaterThan(300);
    expect(Math.abs(history.percentilesMs.p50!)).toBeLessThan(15_000);
    const count = (label: string) => history.histogram.find((bucket) => bucket.label === label)!.count;
    expect(count("-1s..1s") + count("1s..5s") + count("-5s..-1s") + count("5s..60s")).toBeGreaterThan(history.sampleSize / 2);
    // A device running minutes ahead stamps its events minutes after they arrive.
    expect(count("< -60s")).toBeGreaterThan(0);
    expect(count(BACKDATED_LABEL)).toBe(0);
  });

  it("says nothing on a database that already has events, or in production", async () => {
    const lines: string[] = [];
    await startFirstRunSimulation(server.db, server.deps.env, http.url, { print: (line) => lines.push(line), demo: SMALL_DEMO });
    await startFirstRunSimulation(server.db, { ...server.deps.env, NODE_ENV: "production" }, http.url, {
      print: (line) => lines.push(line),
      demo: SMALL_DEMO,
    });
    expect(lines).toEqual([]);
  });
});
