/**
 * Bench only, never served in production: the same router, createContext and database as the
 * real server, on a bare node:http server with tRPC's standalone adapter. Nothing else is on the
 * request path (no CORS, compression, rate limit, guards, metrics or logging), so it is the floor
 * the production Fastify stack (http/create-http-server.ts) is compared with by bench:http.
 */
import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { createContext, type ServerDeps } from "../src/context.ts";
import { instrumentDatabase } from "../src/observability/instrument-database.ts";
import { appRouter } from "../src/router.ts";
import type { RunningServer } from "../src/testing/index.ts";

/** A RunningServer like testing/listen.ts's, for any node:http server: fetch as the client, JSON envelopes back. */
export async function serveOnLoopback(server: Server): Promise<RunningServer> {
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", () => ready()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url,
    async post(path, body, token) {
      const response = await fetch(`${url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, json: await response.json() };
    },
    async get(path) {
      const response = await fetch(`${url}${path}`);
      return { status: response.status, headers: response.headers, json: await response.json() };
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

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
