import { createDb, type Database } from "@chronicle/db";
import { createThrowawayPostgres, startTcpFaultProxy, type TcpFaultProxy } from "@chronicle/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signDevToken } from "../auth/sign-dev-token.ts";
import { createTokenVerifier } from "../auth/verify-token.ts";
import type { ServerDeps } from "../context.ts";
import { loadEnv } from "../env.ts";
import { createMemoryLogger } from "../observability/logger.ts";
import { startProjectionRunner } from "../projections/projection-runner.ts";
import { allProjections } from "../projections/registry.ts";
import { clientEvent, listen, makeExamSession, makeLearner, type RunningServer } from "../testing/index.ts";

interface Answer {
  startedAt: number;
  answeredAt: number;
  status: number;
  retryAfter: string | null;
  batch: { source: string; events: { id: string }[] };
  token: string;
  /** Event ids the server acknowledged (accepted or duplicate) in a 200. */
  acknowledged: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The breaker answers within 2 s (first 503) and 1 s (health) on a quiet machine; the printed
 * `[outage]` lines are the measurement. The assertions only guard against the old behaviour
 * (requests held 10–30 s on reconnects, health hanging), with room for a CI machine that runs
 * every suite at once on two cores.
 */
const FAIL_FAST_MS = 5_000;
const HEALTH_FAST_MS = 2_500;

/**
 * The fault test of issue 11: a server under load, connected to PostgreSQL through a TCP proxy
 * that the test kills, stalls and restores. The process must survive (an uncaught exception or
 * unhandled rejection fails the run), answer 503 + Retry-After fast while the database is
 * unreachable, answer health within a second, recover by itself, and store every acknowledged
 * event exactly once.
 */
describe.skipIf(!process.env.DATABASE_URL)("a server whose PostgreSQL goes away under load", () => {
  let throwaway: Awaited<ReturnType<typeof createThrowawayPostgres>>;
  let direct: Database;
  let proxied: Database;
  let proxy: TcpFaultProxy;
  let http: RunningServer;
  let deps: ServerDeps;
  const answers: Answer[] = [];
  let isLoading = false;
  let workers: Promise<void>[] = [];
  let senders: { token: string; sessionId: string }[] = [];

  async function send(batch: Answer["batch"], token: string): Promise<Answer> {
    const startedAt = performance.now();
    const response = await fetch(`${http.url}/trpc/telemetry.ingest`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(batch),
    });
    const json = (await response.json()) as { result?: { data?: { results?: { id: string; status: string }[] } } };
    const results = json.result?.data?.results ?? [];
    return {
      startedAt,
      answeredAt: performance.now(),
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      batch,
      token,
      acknowledged: response.status === 200 ? results.filter((r) => r.status === "accepted" || r.status === "duplicate").map((r) => r.id) : [],
    };
  }

  beforeAll(async () => {
    throwaway = await createThrowawayPostgres();
    direct = await createDb({ kind: "postgres", url: throwaway.url, maxConnections: 2 });
    proxy = await startTcpFaultProxy(throwaway.url);
    proxied = await createDb({ kind: "postgres", url: proxy.url }, { migrate: false });
    const env = loadEnv({ NODE_ENV: "test", CHRONICLE_RETRY_AFTER_SECONDS: "2", CHRONICLE_RATE_LIMIT_MAX: "1000000" });
    const log = createMemoryLogger();
    const projections = startProjectionRunner(proxied, allProjections, log, 60_000);
    deps = { db: proxied, env, log, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections };
    http = await listen(deps);

    senders = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const learner = makeLearner();
        const exam = await makeExamSession(direct, learner);
        return { token: await signDevToken(env, { role: "learner", sub: learner }), sessionId: exam.sessionId };
      }),
    );
    isLoading = true;
    workers = senders.map(async ({ token, sessionId }) => {
      while (isLoading) {
        const batch = { source: "web", events: Array.from({ length: 5 }, () => clientEvent("PAUSE_BLUR", sessionId)) };
        answers.push(await send(batch, token));
        await sleep(20);
      }
    });
  }, 300_000);

  afterAll(async () => {
    isLoading = false;
    await Promise.all(workers);
    await http?.close();
    await deps?.projections.stop();
    await proxied?.close();
    await proxy?.close();
    await direct?.close();
    await throwaway?.drop();
  });

  const answersAfter = (t: number) => answers.filter((answer) => answer.answeredAt >= t);
  async function waitFor<T>(find: () => T | undefined, ms: number): Promise<T> {
    const deadline = performance.now() + ms;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (performance.now() > deadline) throw new Error(`nothing within ${ms} ms`);
      await sleep(10);
    }
  }
  async function timedHealth() {
    const started = performance.now();
    const response = await fetch(`${http.url}/trpc/health`);
    const json = (await response.json()) as { result: { data: { status: string; services: { database: string } } } };
    return { ms: performance.now() - started, status: response.status, retryAfter: response.headers.get("retry-after"), body: json.result.data };
  }
  async function recovery(fault: string) {
    const restoredAt = performance.now();
    await proxy.restore();
    const firstOk = await waitFor(() => answersAfter(restoredAt).find((answer) => answer.status === 200), 20_000);
    console.log(`[outage] ${fault}: first 200 ${Math.round(firstOk.answeredAt - restoredAt)} ms after restore`);
    const health = await timedHealth();
    expect(health).toMatchObject({ status: 200, body: { status: "healthy" } });
  }

  it("stores under load before any fault", async () => {
    await waitFor(() => answers.find((answer) => answer.status === 200), 30_000);
  });

  it("answers 503 + Retry-After at once when the proxy is killed, health promptly, and recovers by itself", async () => {
    const killedAt = performance.now();
    await proxy.kill();
    const first503 = await waitFor(() => answersAfter(killedAt).find((answer) => answer.status === 503), 10_000);
    const toFirst503 = first503.answeredAt - killedAt;
    expect(first503.retryAfter).toBe("2");
    await sleep(1_500);
    const health = await timedHealth();
    console.log(`[outage] kill: first 503 after ${Math.round(toFirst503)} ms; health ${Math.round(health.ms)} ms (${health.status})`);
    expect(toFirst503).toBeLessThan(FAIL_FAST_MS);
    expect(health).toMatchObject({ status: 503, retryAfter: "2", body: { status: "degraded", services: { database: "disconnected" } } });
    expect(health.ms).toBeLessThan(HEALTH_FAST_MS);
    // While it is down, nobody waits on reconnects: every request started once the breaker is open is refused at once.
    const during = answers.filter((answer) => answer.startedAt > first503.answeredAt);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((answer) => answer.status === 503 && answer.answeredAt - answer.startedAt < FAIL_FAST_MS)).toBe(true);
    await recovery("kill");
  }, 60_000);

  it("answers 503 promptly when the network stalls (TCP open, no bytes), health too, and recovers", async () => {
    const stalledAt = performance.now();
    proxy.stall();
    const first503 = await waitFor(() => answersAfter(stalledAt).find((answer) => answer.status === 503), 10_000);
    const toFirst503 = first503.answeredAt - stalledAt;
    const health = await timedHealth();
    console.log(`[outage] stall: first 503 after ${Math.round(toFirst503)} ms; health ${Math.round(health.ms)} ms (${health.status})`);
    expect(toFirst503).toBeLessThan(FAIL_FAST_MS);
    expect(health).toMatchObject({ status: 503, body: { status: "degraded" } });
    expect(health.ms).toBeLessThan(HEALTH_FAST_MS);
    await sleep(1_000);
    await recovery("stall");
  }, 60_000);

  it("stores every acknowledged event exactly once, and every refused batch when it is sent again", async () => {
    isLoading = false;
    await Promise.all(workers);
    const refused = answers.filter((answer) => answer.status !== 200);
    expect(refused.every((answer) => answer.status === 503)).toBe(true);
    // Every refused batch is sent again, as the SDK does, by the learner who sent it.
    for (const answer of refused) {
      const again = await send(answer.batch, answer.token);
      expect(again.status).toBe(200);
      answers.push(again);
    }
    const acknowledged = new Set(answers.flatMap((answer) => answer.acknowledged));
    const sent = new Set(answers.flatMap((answer) => answer.batch.events.map((event) => event.id)));
    expect(acknowledged).toEqual(sent);
    const stored = await direct.rows<{ id: string; copies: number }>(
      sql`select id::text as id, count(*)::int as copies from events where id in (select jsonb_array_elements_text(${JSON.stringify([...acknowledged])}::jsonb)::uuid) group by id`,
    );
    console.log(`[outage] ${answers.length} answers, ${refused.length} refused and replayed, ${acknowledged.size} events acknowledged`);
    expect(stored.length).toBe(acknowledged.size);
    expect(stored.every((row) => row.copies === 1)).toBe(true);
  }, 120_000);
});
