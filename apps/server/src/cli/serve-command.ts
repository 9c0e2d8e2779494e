import { join } from "node:path";
import { loadQuestionBank } from "@chronicle/db";
import { createTokenVerifier } from "@chronicle/api/auth/verify-token.ts";
import type { ServerEnv } from "@chronicle/api/env.ts";
import { createChronicleHttp, TRPC_PATH } from "@chronicle/api/http/create-http-server.ts";
import { consoleLogger } from "@chronicle/api/observability/logger.ts";
import { trackHttpDrain } from "@chronicle/api/cluster/drain-http-server.ts";
import { newHolderId } from "@chronicle/api/cluster/leases.ts";
import { parseServeRole, runsBackgroundWork, servesHttp } from "@chronicle/api/cluster/serve-role.ts";
import { startFirstRunSimulation } from "@chronicle/simulator/first-run-simulation.ts";
import { ADMIN_DIST, ADMIN_PREFIX, apiRoleHandlers, appAddress, PLAYER_DIST } from "../roles/api-role.ts";
import { noProjectionRunner, startWorkerRole } from "../roles/worker-role.ts";
import { describeDatabase, openDatabase } from "./open-database.ts";

/**
 * Applies migrations (once per cluster, under a lock) and runs the process's role: `api` serves
 * HTTP, `worker` runs the projections, jobs and export, `all` (the default) does both. On
 * SIGTERM/SIGINT it drains HTTP, stops background work, hands its leases back and closes the
 * database (PGlite must be closed).
 */
export async function serveCommand(givenEnv: ServerEnv, values: Record<string, unknown> = {}): Promise<void> {
  // The embedded database is one process that is its own worker: its export folder defaults to
  // one beside its data, so the hourly export and the admin's "Export now" work out of the box.
  const env: ServerEnv =
    !givenEnv.DATABASE_URL && !givenEnv.CHRONICLE_EXPORT_DIR ? { ...givenEnv, CHRONICLE_EXPORT_DIR: join(givenEnv.CHRONICLE_DATA_DIR, "exports") } : givenEnv;
  const role = parseServeRole(values.role, env);
  const db = await openDatabase(env);
  const holder = newHolderId();
  const bank = await loadQuestionBank(db.orm);
  if (bank.inserted) console.log(`[chronicle] demo question bank: ${bank.questionCount} questions over ${bank.topicCount} topics`);
  const worker = runsBackgroundWork(role) ? await startWorkerRole(db, holder) : null;
  const projections = worker?.projections ?? noProjectionRunner;
  const deps = { db, env, log: consoleLogger, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections };
  worker?.startJobs(deps);
  // Workers serve only /metrics, /livez and /readyz, so every process can be scraped and probed.
  const http = servesHttp(role) ? createChronicleHttp(deps, apiRoleHandlers(env)) : createChronicleHttp(deps, [], { api: false });
  const server = http.server;
  const drain = trackHttpDrain(server);

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`\n[chronicle] ${signal} received; draining requests (up to ${env.CHRONICLE_DRAIN_SECONDS} s), then stopping…`);
    // /readyz answers 503 from now on, so a balancer that probes it stops sending new requests.
    http.readiness.draining = true;
    await drain.drain(env.CHRONICLE_DRAIN_SECONDS * 1000);
    await worker?.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));

  await new Promise<void>((ready, fail) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      fail(error.code === "EADDRINUSE" ? new Error(`Port ${env.PORT} is already in use; stop the other process or set PORT.`) : error),
    );
    server.listen(env.PORT, env.HOST, () => ready());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  const base = `http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}`;
  if (!servesHttp(role)) {
    console.log(`[chronicle] database: ${describeDatabase(env)} (migrations applied)`);
    console.log(`[chronicle] worker ${holder} ready: projections, jobs and export; ${base}/metrics, /livez and /readyz only`);
    return;
  }
  console.log(`[chronicle] database: ${describeDatabase(env)} (migrations applied)`);
  console.log(`[chronicle] role     ${role}${role === "api" ? " (projections, jobs and export run in `--role worker` processes)" : ""}`);
  console.log(`[chronicle] player   ${appAddress(base, PLAYER_DIST, "/", "npm run build -w @chronicle/player")}`);
  console.log(`[chronicle] admin    ${appAddress(base, ADMIN_DIST, ADMIN_PREFIX, "npm run build -w @chronicle/admin")}`);
  console.log(`[chronicle] API      ${base}${TRPC_PATH}`);
  console.log(`[chronicle] health   ${base}${TRPC_PATH}/health`);
  if (env.CHRONICLE_EXPORT_DIR) console.log(`[chronicle] exports  ${env.CHRONICLE_EXPORT_DIR}   (hourly, or "Export now" on the admin's Exports page)`);
  if (env.NODE_ENV !== "production") {
    console.log(`[chronicle] dev token: npx chronicle token --role learner   (roles: learner, admin, service)`);
  }
  // Only on an empty development log, in the background, and once per database however many processes start.
  void startFirstRunSimulation(db, env, base, { settle: () => projections.drain() });
}
