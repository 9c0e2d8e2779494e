import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadQuestionBank } from "@chronicle/db";
import { createTokenVerifier } from "../auth/verify-token.ts";
import type { ServerEnv } from "../env.ts";
import { createChronicleHttp, TRPC_PATH, type StaticHandler } from "../http/create-http-server.ts";
import { createDevSignInHandler } from "../http/dev-sign-in.ts";
import { isBuiltApp, serveStaticApp } from "../http/static-apps.ts";
import { consoleLogger } from "../observability/logger.ts";
import { trackHttpDrain } from "../cluster/drain-http-server.ts";
import { newHolderId } from "../cluster/leases.ts";
import { parseServeRole, runsBackgroundWork, servesHttp } from "../cluster/serve-role.ts";
import { announceWorker } from "../cluster/worker-presence.ts";
import { startProjectionRunner, type ProjectionRunner } from "../projections/projection-runner.ts";
import { allProjections } from "../projections/registry.ts";
import { startJobScheduler } from "../jobs/job-scheduler.ts";
import { allJobs } from "../jobs/registry.ts";
import { startFirstRunSimulation } from "../simulate/first-run-simulation.ts";
import { describeDatabase, openDatabase } from "./open-database.ts";

/** The player's Vite build, found beside this package in the workspace (`npm start` builds it first). */
const PLAYER_DIST = fileURLToPath(new URL("../../../player/dist/", import.meta.url));
/** The admin app's Vite build (base "/admin/"), beside the player's. */
const ADMIN_DIST = fileURLToPath(new URL("../../../admin/dist/", import.meta.url));
const ADMIN_PREFIX = "/admin/";

function appHandlers(env: ServerEnv): StaticHandler[] {
  const player = serveStaticApp({ root: PLAYER_DIST, prefix: "/", appName: "player", buildCommand: "npm run build -w @chronicle/player" });
  const admin = serveStaticApp({ root: ADMIN_DIST, prefix: ADMIN_PREFIX, appName: "admin app", buildCommand: "npm run build -w @chronicle/admin" });
  // The player is mounted at "/" and answers every page path with its index.html, so the admin goes first.
  const apps = [admin, player];
  // The development sign-in hands out tokens without credentials, so production never mounts it.
  return env.NODE_ENV === "production" ? apps : [createDevSignInHandler(env), ...apps];
}

/** A runner that does nothing, for API-only processes: workers project what they ingest. */
const noProjectionRunner: ProjectionRunner = { nudge: () => {}, drain: async () => {}, stop: async () => {} };

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
  const presence = runsBackgroundWork(role) ? await announceWorker(db, holder, console.log) : null;
  const projections = runsBackgroundWork(role) ? startProjectionRunner(db, allProjections, consoleLogger) : noProjectionRunner;
  const deps = { db, env, log: consoleLogger, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections };
  const jobs = runsBackgroundWork(role) ? startJobScheduler(deps, allJobs, { holder }) : null;
  // Workers serve only /metrics, /livez and /readyz, so every process can be scraped and probed.
  const http = servesHttp(role) ? createChronicleHttp(deps, appHandlers(env)) : createChronicleHttp(deps, [], { api: false });
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
    // The job scheduler hands its leases back, so another worker takes the jobs over at once.
    await jobs?.stop();
    await projections.stop();
    await presence?.stop();
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
  console.log(`[chronicle] player   ${base}/${isBuiltApp(PLAYER_DIST) ? "" : "   (not built yet: npm run build -w @chronicle/player)"}`);
  console.log(`[chronicle] admin    ${base}${ADMIN_PREFIX}${isBuiltApp(ADMIN_DIST) ? "" : "   (not built yet: npm run build -w @chronicle/admin)"}`);
  console.log(`[chronicle] API      ${base}${TRPC_PATH}`);
  console.log(`[chronicle] health   ${base}${TRPC_PATH}/health`);
  if (env.CHRONICLE_EXPORT_DIR) console.log(`[chronicle] exports  ${env.CHRONICLE_EXPORT_DIR}   (hourly, or "Export now" on the admin's Exports page)`);
  if (env.NODE_ENV !== "production") {
    console.log(`[chronicle] dev token: npx chronicle token --role learner   (roles: learner, admin, service)`);
  }
  // Only on an empty development log, in the background, and once per database however many processes start.
  void startFirstRunSimulation(db, env, base, { settle: () => projections.drain() });
}
