import { fileURLToPath } from "node:url";
import { loadQuestionBank } from "@chronicle/db";
import { createTokenVerifier } from "../auth/verify-token.ts";
import type { ServerEnv } from "../env.ts";
import { createHttpServer, TRPC_PATH, type StaticHandler } from "../http/create-http-server.ts";
import { createDevSignInHandler } from "../http/dev-sign-in.ts";
import { isBuiltApp, serveStaticApp } from "../http/static-apps.ts";
import { consoleLogger } from "../observability/logger.ts";
import { startProjectionRunner } from "../projections/projection-runner.ts";
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

/** Applies migrations, serves on PORT, and shuts down cleanly on SIGTERM/SIGINT (PGlite must be closed). */
export async function serveCommand(env: ServerEnv): Promise<void> {
  const db = await openDatabase(env);
  const bank = await loadQuestionBank(db.orm);
  if (bank.inserted) console.log(`[chronicle] demo question bank: ${bank.questionCount} questions over ${bank.topicCount} topics`);
  const projections = startProjectionRunner(db, allProjections, consoleLogger);
  const deps = { db, env, log: consoleLogger, verifyToken: createTokenVerifier(env), now: () => new Date(), startedAt: new Date(), projections };
  const server = createHttpServer(deps, appHandlers(env));
  const jobs = startJobScheduler(deps, allJobs);

  let isStopping = false;
  const stop = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    console.log(`\n[chronicle] ${signal} received; closing connections and the database…`);
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    await jobs.stop();
    await projections.stop();
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
  console.log(`[chronicle] database: ${describeDatabase(env)} (migrations applied)`);
  console.log(`[chronicle] player   ${base}/${isBuiltApp(PLAYER_DIST) ? "" : "   (not built yet: npm run build -w @chronicle/player)"}`);
  console.log(`[chronicle] admin    ${base}${ADMIN_PREFIX}${isBuiltApp(ADMIN_DIST) ? "" : "   (not built yet: npm run build -w @chronicle/admin)"}`);
  console.log(`[chronicle] API      ${base}${TRPC_PATH}`);
  console.log(`[chronicle] health   ${base}${TRPC_PATH}/health`);
  if (env.NODE_ENV !== "production") {
    console.log(`[chronicle] dev token: npx chronicle token --role learner   (roles: learner, admin, service)`);
  }
  // Only on an empty development log, in the background: a fresh `npm start` gets demo traffic.
  startFirstRunSimulation(db, env, base);
}
