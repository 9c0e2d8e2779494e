import { loadQuestionBank } from "@chronicle/db";
import { databaseTargets } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestServer, listen, type RunningServer, type TestServer } from "../testing/index.ts";
import { startFirstRunSimulation } from "./first-run-simulation.ts";

const SMALL_DEMO = { learners: 2, days: 2, seed: 3, badRate: 0, concurrency: 2 };

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
      traffic: SMALL_DEMO,
    });

    expect(lines[0]).toMatch(/^\[chronicle\] loading demo data… \(2 simulated learners × 2 days, in the background/);
    const done = lines.at(-1)!.match(/^\[chronicle\] demo data loaded: (\d+) events in (\d+\.\d) s/);
    expect(done, lines.join("\n")).not.toBeNull();
    const [logged] = await server.db.rows<{ n: number }>(sql`select count(*)::int as n from events`);
    expect(Number(done![1])).toBe(logged!.n);
  }, 120_000);

  it("says nothing on a database that already has events, or in production", async () => {
    const lines: string[] = [];
    await startFirstRunSimulation(server.db, server.deps.env, http.url, { print: (line) => lines.push(line), traffic: SMALL_DEMO });
    await startFirstRunSimulation(server.db, { ...server.deps.env, NODE_ENV: "production" }, http.url, {
      print: (line) => lines.push(line),
      traffic: SMALL_DEMO,
    });
    expect(lines).toEqual([]);
  });
});
