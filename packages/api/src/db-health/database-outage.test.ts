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
 * Issue 11's bounds, which a client notices: the first 503 + Retry-After within 2 s of the
 * database becoming unreachable, and health within 1 s. The breaker needs about 0.2 s after a
 * kill and 0.9 s after a stall (breaker-for-database.ts); the `[measure]` lines print the figures.
 */
const FAIL_FAST_MS = 2_000;
const HEALTH_FAST_MS = 1_000;

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
    console.log(`[measure] ${fault}: first 200 ${Math.round(firstOk.answeredAt - restoredAt)} ms after the link is back`);
    const health = await timedHealth();
    expect(health).toMatchObject({ status: 200, body: { status: "healthy" } });
  }

  it("stores under load before any fault, and a healthy database under load never opens the breaker", async () => {
    await waitFor(() => answers.find((answer) => answer.status === 200), 30_000);
    await sleep(2_000);
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  }, 60_000);

  /**
   * The first 503 of the load; health asked once the breaker is open and, with `askHealthAtCut`,
   * the moment the fault starts too (before the breaker opens, health's own probe must find the
   * outage, and it opens the breaker for everyone); then, for a second more, every request the
   * load sends.
   */
  async function measureOutage(fault: string, cut: () => Promise<void> | void, askHealthAtCut: boolean) {
    const cutAt = performance.now();
    const [healthAtCut] = await Promise.all([askHealthAtCut ? timedHealth() : undefined, cut()]);
    const first503 = await waitFor(() => answersAfter(cutAt).find((answer) => answer.status === 503), 10_000);
    const toFirst503 = first503.answeredAt - cutAt;
    await sleep(1_000);
    const healthWhileOpen = await timedHealth();
    const during = answers.filter((answer) => answer.startedAt > first503.answeredAt);
    const slowestDuring = Math.max(...during.map((answer) => answer.answeredAt - answer.startedAt));
    console.log(
      `[measure] ${fault}: first 503 + Retry-After ${Math.round(toFirst503)} ms after the cut; health ` +
        (healthAtCut ? `${Math.round(healthAtCut.ms)} ms at the cut, ` : "") +
        `${Math.round(healthWhileOpen.ms)} ms once open (${healthWhileOpen.status} ${healthWhileOpen.body.status}); ` +
        `${during.length} requests during the outage, slowest answered in ${Math.round(slowestDuring)} ms`,
    );
    expect(first503.retryAfter).toBe("2");
    expect(toFirst503).toBeLessThanOrEqual(FAIL_FAST_MS);
    for (const health of healthAtCut ? [healthAtCut, healthWhileOpen] : [healthWhileOpen]) {
      expect(health).toMatchObject({ status: 503, retryAfter: "2", body: { status: "degraded", services: { database: "disconnected" } } });
      expect(health.ms).toBeLessThanOrEqual(HEALTH_FAST_MS);
    }
    // While it is down, nobody waits on reconnects or on the stalled link: every request started
    // once the breaker is open is refused with a 503 as fast.
    // Every sender got an answer in that second: none is left hanging on the stalled link.
    expect(new Set(during.map((answer) => answer.token)).size).toBe(senders.length);
    expect(during.every((answer) => answer.status === 503 && answer.retryAfter === "2")).toBe(true);
    expect(slowestDuring).toBeLessThanOrEqual(FAIL_FAST_MS);
  }

  it("answers 503 + Retry-After within 2 s when the proxy is killed, health within 1 s, and recovers by itself", async () => {
    await measureOutage("kill", () => proxy.kill(), true);
    await recovery("kill");
  }, 60_000);

  it("answers 503 + Retry-After within 2 s when the network stalls (TCP open, no bytes), found by the load alone, and recovers", async () => {
    await measureOutage("stall", () => proxy.stall(), false);
    await recovery("stall");
  }, 60_000);

  it("answers health within 1 s, degraded with a 503, when asked the moment the network stalls, and recovers", async () => {
    await measureOutage("stall + health", () => proxy.stall(), true);
    await recovery("stall + health");
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
    console.log(`[measure] ${answers.length} answers, ${refused.length} refused and replayed, ${acknowledged.size} events acknowledged`);
    expect(stored.length).toBe(acknowledged.size);
    expect(stored.every((row) => row.copies === 1)).toBe(true);
  }, 120_000);
});
