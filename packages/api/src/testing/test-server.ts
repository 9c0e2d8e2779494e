import type { Database, DatabaseDriver } from "@chronicle/db";
import { createTestDb } from "@chronicle/db/testing";
import type { Principal, Role } from "../auth/principal.ts";
import { signDevToken } from "../auth/sign-dev-token.ts";
import { createTokenVerifier } from "../auth/verify-token.ts";
import type { Context, ServerDeps } from "../context.ts";
import { loadEnv, type ServerEnv } from "../env.ts";
import { createMemoryLogger } from "../observability/logger.ts";
import { startProjectionRunner } from "../projections/projection-runner.ts";
import { allProjections } from "../projections/registry.ts";
import { appRouter } from "../router.ts";
import { createCallerFactory } from "../trpc.ts";

const createCaller = createCallerFactory(appRouter);

export interface TestServer {
  db: Database;
  deps: ServerDeps;
  log: ReturnType<typeof createMemoryLogger>;
  /** The real router, called in-process as the given principal. */
  callerFor(principal: Principal): ReturnType<typeof createCaller>;
  learner(userId: string): ReturnType<typeof createCaller>;
  service(userId: string, scopes?: string[]): ReturnType<typeof createCaller>;
  anonymous(): ReturnType<typeof createCaller>;
  token(role: Role, sub: string, scope?: string): Promise<string>;
  /** Resolves when every projection has applied everything committed so far. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** `now` is the server's clock (`ctx.now()`, ingest time, jobs); pass a movable one to test time-driven rules. */
export async function createTestServer(
  driver: DatabaseDriver,
  envOverrides: Record<string, string> = {},
  now: () => Date = () => new Date(),
): Promise<TestServer> {
  const db = await createTestDb(driver);
  const env: ServerEnv = loadEnv({ NODE_ENV: "test", ...envOverrides });
  const log = createMemoryLogger();
  // A long tick: tests call settle() to bring every aggregate up to date deterministically.
  const projections = startProjectionRunner(db, allProjections, log, 60_000);
  const deps: ServerDeps = { db, env, log, verifyToken: createTokenVerifier(env), now, startedAt: now(), projections };
  const callerFor = (principal: Principal) => createCaller({ ...deps, auth: { status: "valid", principal } } satisfies Context);
  return {
    db,
    deps,
    log,
    callerFor,
    learner: (userId) => callerFor({ userId, role: "learner", scopes: [] }),
    service: (userId, scopes = ["events:game"]) => callerFor({ userId, role: "service", scopes }),
    anonymous: () => createCaller({ ...deps, auth: { status: "none" } }),
    token: (role, sub, scope) => signDevToken(env, { role, sub, scope }),
    // Log positions are assigned in commit order, so everything committed is readable now.
    settle: () => projections.drain(),
    async close() {
      await projections.stop();
      await db.close();
    },
  };
}
