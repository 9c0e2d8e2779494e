/**
 * Bench only, never served in production: the same router, createContext and database as the
 * real server, on a bare node:http server with tRPC's standalone adapter. Nothing else is on the
 * request path (no CORS, compression, rate limit, guards, metrics or logging), so it is the floor
 * the production Fastify stack (http/create-http-server.ts) is compared with by bench:http.
 */
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { randomUUID } from "node:crypto";
import { createContext, type ServerDeps } from "@chronicle/api/context.ts";
import { instrumentDatabase } from "@chronicle/api/observability/instrument-database.ts";
import { appRouter } from "@chronicle/api/router.ts";
import { serveOnLoopback, type RunningServer } from "@chronicle/api/testing/index.ts";

/** tRPC v11's standalone adapter at /trpc/, with the database instrumented as the real server does it. */
export function bareTrpcServer(baseDeps: ServerDeps): Promise<RunningServer> {
  const deps: ServerDeps = { ...baseDeps, db: instrumentDatabase(baseDeps.db) };
  const server = createHTTPServer({
    router: appRouter,
    basePath: "/trpc/",
    maxBatchSize: deps.env.CHRONICLE_MAX_BATCH_CALLS,
    createContext: async ({ req }) => ({ ...(await createContext(deps, req.headers.authorization)), requestId: randomUUID() }),
  });
  return serveOnLoopback(server);
}
