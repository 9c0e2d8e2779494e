import type { Database } from "@chronicle/db";
import type { TokenCheck, TokenVerifier } from "./auth/verify-token.ts";
import type { ServerEnv } from "./env.ts";
import type { Logger } from "./observability/logger.ts";
import type { ProjectionRunner } from "./projections/projection-runner.ts";

/** What lives for the whole process and is shared by every request. */
export interface ServerDeps {
  db: Database;
  env: ServerEnv;
  log: Logger;
  verifyToken: TokenVerifier;
  /** Injected so tests can move time; production uses the wall clock. */
  now: () => Date;
  startedAt: Date;
  /** Keeps the aggregates current; ingest nudges it after every write. */
  projections: ProjectionRunner;
}

export interface Context extends ServerDeps {
  auth: TokenCheck;
  /** The HTTP layer's id for this request, named in 500 answers and their log lines. */
  requestId?: string;
}

export async function createContext(deps: ServerDeps, authorizationHeader: string | undefined): Promise<Context> {
  return { ...deps, auth: await deps.verifyToken(authorizationHeader) };
}
