/**
 * Ingest throughput of a real cluster on PostgreSQL: N `chronicle serve --role api` processes
 * (each its own Node process, as in production) plus one worker applying the projections, on a
 * fresh database; 32 learners send telemetry.ingest batches of 50 events round-robin across
 * the API processes for BENCH_SECONDS, after a warm-up. Prints events/s per N.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:cluster
 *   BENCH_API_PROCESSES=1,2,3 BENCH_SECONDS=15 DATABASE_URL=… npm run bench:cluster
 *
 * On a machine with few cores the API processes compete with PostgreSQL and the client for
 * CPU, so the figure shows what one more process buys on *this* machine, not in general.
 */
import { createDb } from "@chronicle/db";
import { signDevToken } from "@chronicle/api/auth/sign-dev-token.ts";
import { createFreshDatabase } from "../test/cluster/testing/fresh-database.ts";
import { startServe, type ServeProcess } from "../test/cluster/testing/serve-process.ts";
import { loadEnv } from "@chronicle/api/env.ts";
import { clientEvent, makeExamSession, makeLearner } from "@chronicle/api/testing/index.ts";
import { closedLoop } from "./bench-stats.ts";

const SECRET = "cluster-bench-secret-0123456789abcdef";
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const counts = (process.env.BENCH_API_PROCESSES ?? "1,2").split(",").map(Number);
const LEARNERS = 32;
const BATCH = 50;

/** Answers by HTTP status (or connection error), printed beside each figure. */
const outcomes = new Map<string, number>();

async function measure(apiProcesses: number): Promise<number> {
  const database = await createFreshDatabase();
  const env = { DATABASE_URL: database.url, NODE_ENV: "production", CHRONICLE_JWT_SECRET: SECRET, CHRONICLE_RATE_LIMIT_MAX: "1000000" };
  const processes: ServeProcess[] = [];
  const db = await createDb({ kind: "postgres", url: database.url, maxConnections: 2 }, { migrate: true });
  try {
    processes.push(...(await Promise.all([...Array.from({ length: apiProcesses }, () => startServe("api", env)), startServe("worker", env)])));
    const ports = processes.filter((p) => p.role === "api").map((p) => p.port);
    const tokenEnv = loadEnv({ NODE_ENV: "test", CHRONICLE_JWT_SECRET: SECRET });
    const learners = await Promise.all(
      Array.from({ length: LEARNERS }, async () => {
        const userId = makeLearner();
        const exam = await makeExamSession(db, userId, 20);
        return { exam, token: await signDevToken(tokenEnv, { role: "learner", sub: userId }), seq: 0 };
      }),
    );
    const send = async (worker: number, iteration: number) => {
      const learner = learners[worker]!;
      const events = Array.from({ length: BATCH }, (_, i) =>
        clientEvent("QUESTION_VIEWED", learner.exam.sessionId, { seq: learner.seq++, question_id: learner.exam.questionIds[i % 20], payload: { position: (i % 20) + 1 } }),
      );
      try {
        const response = await fetch(`http://127.0.0.1:${ports[(worker + iteration) % ports.length]}/trpc/telemetry.ingest`, {
          method: "POST",
          headers: { authorization: `Bearer ${learner.token}`, "content-type": "application/json" },
          body: JSON.stringify({ source: "web", events }),
        });
        const json = (await response.json()) as { result?: { data?: { accepted?: number } } };
        outcomes.set(String(response.status), (outcomes.get(String(response.status)) ?? 0) + 1);
        return json.result?.data?.accepted ?? 0;
      } catch (error) {
        const code = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
        outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
        return 0;
      }
    };
    await closedLoop(2, LEARNERS, send);
    outcomes.clear();
    return await closedLoop(seconds, LEARNERS, send);
  } finally {
    for (const serve of processes) serve.child.kill("SIGTERM");
    await Promise.all(processes.map((serve) => serve.exited));
    await db.close();
    await database.drop();
  }
}

if (!process.env.DATABASE_URL) throw new Error("bench:cluster needs PostgreSQL: set DATABASE_URL (PGlite is one process).");
for (const n of counts) {
  const rate = await measure(n);
  console.log(`[bench:cluster] ${n} API process${n === 1 ? "" : "es"} + 1 worker: ${Math.round(rate)} events/s accepted (${LEARNERS} learners, batches of ${BATCH}, ${seconds} s; answers ${JSON.stringify(Object.fromEntries(outcomes))})`);
}
