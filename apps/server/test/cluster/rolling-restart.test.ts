import { createDb, type Database } from "@chronicle/db";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import { loadEnv } from "@chronicle/api/env.ts";
import { clientEvent, makeExamSession, makeLearner } from "@chronicle/api/testing/index.ts";
import { createFreshDatabase, type FreshDatabase } from "./testing/fresh-database.ts";
import { startServe, type ServeProcess } from "./testing/serve-process.ts";

const SECRET = "rolling-restart-secret-0123456789abcdef";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  return typeof address === "object" && address ? address.port : 0;
}

interface Tally {
  ok: number;
  serverErrors: string[];
  resets: string[];
  /** Connections refused by the process that was down, retried on the other one (what a balancer does). */
  refusedAndRetried: number;
}

describe.skipIf(!process.env.DATABASE_URL)("a rolling restart of one API process under load (PostgreSQL only: embedded PGlite is one process)", () => {
  const processes: ServeProcess[] = [];
  let database: FreshDatabase | undefined;
  let db: Database | undefined;
  afterAll(async () => {
    for (const serve of processes) serve.child.kill("SIGKILL");
    await db?.close();
    await database?.drop();
  });

  it("gives clients no connection reset and no 5xx, and every request in flight completes", async () => {
    database = await createFreshDatabase();
    const env = { DATABASE_URL: database.url, NODE_ENV: "production", CHRONICLE_JWT_SECRET: SECRET, CHRONICLE_DRAIN_SECONDS: "10", CHRONICLE_RATE_LIMIT_MAX: "1000000" };
    const restartedPort = await freePort();
    const [first, steady] = await Promise.all([startServe("api", env, restartedPort), startServe("api", env)]);
    let restarted = first;
    processes.push(restarted, steady);
    db = await createDb({ kind: "postgres", url: database.url, maxConnections: 2 }, { migrate: false });
    const tokenEnv = loadEnv({ NODE_ENV: "test", CHRONICLE_JWT_SECRET: SECRET });
    const ports = [restartedPort, steady.port];

    const tally: Tally = { ok: 0, serverErrors: [], resets: [], refusedAndRetried: 0 };
    const inFlight = new Map<number, number>();
    let isLoading = true;
    const client = async (index: number) => {
      const userId = makeLearner();
      const exam = await makeExamSession(db!, userId, 20);
      const token = await signDevToken(tokenEnv, { role: "learner", sub: userId });
      let seq = 0;
      for (let request = index; isLoading; request += 1) {
        const events = Array.from({ length: 20 }, (_, i) =>
          clientEvent("QUESTION_VIEWED", exam.sessionId, { seq: seq++, question_id: exam.questionIds[i], payload: { position: i + 1 } }),
        );
        const body = JSON.stringify({ source: "web", events });
        for (let attempt = 0; ; attempt += 1) {
          const port = ports[(request + attempt) % ports.length]!;
          inFlight.set(port, (inFlight.get(port) ?? 0) + 1);
          try {
            const response = await fetch(`http://127.0.0.1:${port}/trpc/telemetry.ingest`, {
              method: "POST",
              headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
              body,
            });
            await response.text();
            if (response.status >= 500) tally.serverErrors.push(`${response.status} from :${port}`);
            else tally.ok += 1;
            break;
          } catch (error) {
            const code = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
            // Refused: the request never reached a process, so the client tries the other one.
            if (code === "ECONNREFUSED" && attempt < 20) {
              tally.refusedAndRetried += 1;
              continue;
            }
            tally.resets.push(`${code} from :${port}`);
            break;
          } finally {
            inFlight.set(port, inFlight.get(port)! - 1);
          }
        }
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, (_, i) => client(i)));

    // Under way, with requests in flight on the process about to restart.
    while (tally.ok < 40 || (inFlight.get(restartedPort) ?? 0) === 0) await sleep(20);
    const before = tally.ok;
    const inFlightAtSigterm = inFlight.get(restartedPort)!;
    restarted.child.kill("SIGTERM");
    await restarted.exited;
    restarted = await startServe("api", env, restartedPort);
    processes.push(restarted);
    await sleep(3_000);
    isLoading = false;
    await load;

    expect(tally.resets).toEqual([]);
    expect(tally.serverErrors).toEqual([]);
    // The load really ran through the restart.
    expect(tally.ok).toBeGreaterThan(before);
    console.log(`[rolling restart] ${inFlightAtSigterm} requests in flight at SIGTERM; ${tally.ok} requests answered, ${tally.refusedAndRetried} refused connections retried on the other process, 0 resets, 0 5xx`);
  }, 400_000);
});
