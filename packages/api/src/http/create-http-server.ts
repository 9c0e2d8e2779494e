import compress from "@fastify/compress";
import cors from "@fastify/cors";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { ServerDeps } from "../context.ts";
import { instrumentDatabase } from "../observability/instrument-database.ts";
import { pinoLogger } from "../observability/logger.ts";
import { registerApi, TRPC_PATH } from "./api-scope.ts";
import { corsOptions } from "./cors-options.ts";
import { errorEnvelope } from "./error-reply.ts";
import type { HttpMount } from "./http-mount.ts";
import { registerOperatorRoutes } from "./operator-routes.ts";
import type { ReadinessState } from "./readiness.ts";

export { TRPC_PATH };
export type { HttpMount };
/** The older name of HttpMount, kept for the apps' test harnesses. */
export type StaticHandler = HttpMount;

/** Server-sent events are streamed as they come; compressing them would hold them back. */
const COMPRESSIBLE = /^(?:application\/(?:[\w.-]+\+)?json|text\/(?:html|css|javascript|plain)|image\/svg\+xml|application\/javascript)/;

/** How long a draining process keeps serving (and closing) kept-alive connections before it stops listening. */
const DRAIN_GRACE_MS = 2_000;

export interface ChronicleHttp {
  /** The Node server: listen on it like any http.Server. */
  server: Server;
  app: FastifyInstance;
  /** Flip to take the process out of /readyz (e.g. while it drains). */
  readiness: ReadinessState;
  /**
   * Stops taking new connections, answers /readyz 503, waits up to `drainMs` for requests in
   * flight (open streams included), then cuts whatever is left. Resolves when the server is closed.
   */
  close(drainMs?: number): Promise<void>;
}

/** Answers everything Fastify refuses itself (413, 415, malformed JSON…) in tRPC's envelope; a 5xx says nothing internal. */
function errorHandler(deps: ServerDeps) {
  return (error: FastifyError, request: { id: string; url: string }, reply: { code(n: number): { send(body: unknown): unknown }; sent: boolean }) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      deps.log.error("http.internal_error", { requestId: request.id, url: request.url.slice(0, 200), error });
      return reply.code(status).send(errorEnvelope(status, "internal_error", `Chronicle failed to answer; the request id is ${request.id}.`));
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply
        .code(413)
        .send(errorEnvelope(413, "body_too_large", `The request body is larger than ${deps.env.CHRONICLE_MAX_BODY_BYTES} bytes (after decompression); send smaller batches.`));
    }
    const reason = error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ? "unsupported_media_type" : (error.code ?? "bad_request").toLowerCase();
    return reply.code(status).send(errorEnvelope(status, reason, error.message));
  };
}

/**
 * One HTTP stack for the API and the apps, built from maintained parts: Fastify with tRPC's
 * Fastify adapter at /trpc, @fastify/compress (gzip responses and gzip request bodies, the body
 * limit applied after decompression), @fastify/cors, @fastify/rate-limit, @fastify/static for the
 * apps, pino for logs; plus /metrics, /livez and /readyz.
 */
export interface ChronicleHttpOptions {
  /**
   * False for a worker process (`--role worker`): only /metrics, /livez and /readyz, so every
   * process can be scraped and probed while only API processes take requests.
   */
  api?: boolean;
}

export function createChronicleHttp(baseDeps: ServerDeps, mounts: readonly HttpMount[] = [], options: ChronicleHttpOptions = {}): ChronicleHttp {
  const deps: ServerDeps = { ...baseDeps, db: instrumentDatabase(baseDeps.db) };
  const { env } = deps;
  pinoLogger.level = env.CHRONICLE_LOG_LEVEL;
  const readiness: ReadinessState = { migrating: false, draining: false };
  let server!: Server;
  let inFlight = 0;

  const app = Fastify({
    serverFactory: (handler) => {
      server = createServer(
        { headersTimeout: env.CHRONICLE_HTTP_HEADERS_TIMEOUT_MS, requestTimeout: env.CHRONICLE_HTTP_REQUEST_TIMEOUT_MS },
        (req: IncomingMessage, res: ServerResponse) => void whenReady.then(() => handler(req, res)),
      );
      server.maxConnections = env.CHRONICLE_HTTP_MAX_CONNECTIONS;
      return server;
    },
    // Fastify's own per-request log lines stay off: failures are logged by errorHandler through pino (observability/logger.ts).
    logger: false,
    bodyLimit: env.CHRONICLE_MAX_BODY_BYTES,
    routerOptions: { maxParamLength: 5000 },
    genReqId: () => randomUUID(),
    return503OnClosing: false,
  });

  // Requests that arrive while plugins still load wait for them instead of meeting an empty router.
  const whenReady = new Promise<void>((ready, fail) => app.ready((error) => (error ? fail(error) : ready())));
  whenReady.catch((error: unknown) => deps.log.error("http.start_failed", { error }));

  app.addHook("onRequest", async () => {
    inFlight += 1;
  });
  app.addHook("onResponse", async () => {
    inFlight -= 1;
  });
  // While draining, every answer closes its connection, so keep-alive clients stop reusing
  // sockets this process is about to close (a request sent on a socket as it closes is a reset).
  app.addHook("onSend", async (_request, reply, payload) => {
    if (readiness.draining) void reply.header("connection", "close");
    return payload;
  });
  app.setErrorHandler(errorHandler(deps));
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: "not_found", message: `Nothing is served at ${request.url.slice(0, 200)}; the API is at ${TRPC_PATH}.` }),
  );
  void app.register(cors, corsOptions(env));
  void app.register(compress, {
    global: true,
    encodings: ["gzip", "deflate"],
    requestEncodings: ["gzip", "deflate"],
    threshold: 1024,
    // Level 1: answers are small JSON (ingest verdicts, admin pages) that level 1 already shrinks
    // several times; the default level 6 cost 8 % of an ingesting server's CPU for a few % less.
    zlibOptions: { level: 1 },
    customTypes: COMPRESSIBLE,
  });
  if (options.api !== false) void app.register(async (scope) => registerApi(scope, deps));
  void app.register(async (scope) => registerOperatorRoutes(scope, deps, readiness));
  for (const mount of mounts) void app.register(async (scope) => mount(scope));

  const close = async (drainMs = 0) => {
    readiness.draining = true;
    // A grace period before closing idle sockets: each client's next request on its kept-alive
    // socket is still served (and told to close), instead of meeting a socket closed under it.
    if (drainMs > 0) await new Promise((tick) => setTimeout(tick, Math.min(drainMs, DRAIN_GRACE_MS)));
    const closed = new Promise<void>((done) => server.close(() => done()));
    server.closeIdleConnections();
    const deadline = Date.now() + drainMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((tick) => setTimeout(tick, 50));
    server.closeAllConnections();
    await closed;
  };
  return { server, app, readiness, close };
}

/** The Node server of createChronicleHttp, for callers that only listen and close. */
export function createHttpServer(deps: ServerDeps, mounts: readonly HttpMount[] = []): Server {
  return createChronicleHttp(deps, mounts).server;
}
