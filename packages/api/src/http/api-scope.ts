import rateLimit from "@fastify/rate-limit";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TokenCheck } from "../auth/verify-token.ts";
import { createContext, type Context, type ServerDeps } from "../context.ts";
import { healthHttpStatus } from "../db-health/health-http-status.ts";
import { httpRequestDuration, httpRequests, rateLimitRefusals } from "../observability/metrics.ts";
import { appRouter, type AppRouter } from "../router.ts";
import { writeClientMetricsPeriodically } from "../observability/client-metrics-buffer.ts";
import { CLIENT_METRICS_HEADER, recordClientMetrics } from "./client-metrics-header.ts";
import { registerRestRoutes } from "./rest-routes.ts";
import { emptyBodyAsNoInput } from "./empty-body-as-no-input.ts";
import { createRequestGuards, requireJsonMediaType } from "./request-guards.ts";
import { authorizationFor } from "./subscription-authorization.ts";
import { wholeJsonAnswers } from "./whole-json-answers.ts";

export const TRPC_PATH = "/trpc";

declare module "fastify" {
  interface FastifyRequest {
    /** The bearer token's verdict, checked once per request: for the rate limit's key and for tRPC's context. */
    chronicleAuth: TokenCheck | null;
  }
}

const knownProcedures = new Set(Object.keys(appRouter._def.procedures));

/** The `procedure` label: a known procedure, "batch" for several, "unknown" otherwise (bounded cardinality). */
export function procedureLabel(path: unknown): string {
  if (typeof path !== "string") return "unknown";
  if (path.includes(",")) return "batch";
  return knownProcedures.has(path) ? path : "unknown";
}

/** Who a request counts against: the token's principal, or the caller's address without a valid token. */
function rateLimitKey(request: FastifyRequest): string {
  const auth = request.chronicleAuth;
  return auth?.status === "valid" ? `${auth.principal.role}:${auth.principal.userId}` : `ip:${request.ip}`;
}

/**
 * The API at /trpc: bearer tokens checked once, per-principal rate limits (429 + Retry-After),
 * JSON only, nesting and batch caps before parsing, then tRPC's Fastify adapter. Responses to
 * storage failures carry Retry-After.
 */
export async function registerApi(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { env } = deps;
  app.decorateRequest("chronicleAuth", null);
  app.addHook("onRequest", async (request) => {
    request.chronicleAuth = await deps.verifyToken(request.headers.authorization);
    // Only a signed-in client's report counts, so anonymous callers cannot inflate the figures.
    const auth = request.chronicleAuth;
    if (auth.status === "valid") {
      const reporter = { db: deps.db, clientId: `${auth.principal.role}:${auth.principal.userId}`, now: deps.now() };
      recordClientMetrics(request.headers[CLIENT_METRICS_HEADER], reporter);
    }
  });
  const stopWritingClientMetrics = writeClientMetricsPeriodically(deps.db, deps.now, (error) =>
    deps.log.warn("client_metrics.write_failed", { error }),
  );
  app.server.once("close", () => void stopWritingClientMetrics());
  await app.register(rateLimit, {
    global: true,
    max: env.CHRONICLE_RATE_LIMIT_MAX,
    timeWindow: env.CHRONICLE_RATE_LIMIT_WINDOW_SECONDS * 1000,
    keyGenerator: rateLimitKey,
    onExceeded: () => rateLimitRefusals.inc(),
    // Thrown to the server's error handler, which answers it in tRPC's envelope with reason rate_limited.
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new Error(`Too many requests: at most ${context.max} per ${context.after} for one token; retry in ${Math.ceil(context.ttl / 1000)} seconds.`),
        { statusCode: 429, code: "RATE_LIMITED" },
      ),
  });
  app.addHook("preValidation", requireJsonMediaType);
  app.addHook("preHandler", emptyBodyAsNoInput);
  app.addHook("preValidation", createRequestGuards({ maxJsonDepth: env.CHRONICLE_MAX_JSON_DEPTH, maxBatchCalls: env.CHRONICLE_MAX_BATCH_CALLS }));
  app.addHook("onResponse", async (request, reply) => {
    const procedure = procedureLabel((request.params as Record<string, unknown> | undefined)?.path);
    httpRequests.inc({ procedure, status: String(reply.statusCode) });
    httpRequestDuration.observe({ procedure }, reply.elapsedTime / 1000);
  });

  app.addHook("onSend", wholeJsonAnswers);

  const trpcOptions: FastifyTRPCPluginOptions<AppRouter>["trpcOptions"] = {
    router: appRouter,
    maxBatchSize: env.CHRONICLE_MAX_BATCH_CALLS,
    createContext: async ({ req, info }): Promise<Context> => {
      const header = authorizationFor(req.headers.authorization, info);
      // The onRequest hook already checked the Authorization header; only a subscription's URL token is new here.
      if (req.chronicleAuth && header === req.headers.authorization) return { ...deps, auth: req.chronicleAuth, requestId: req.id };
      return { ...(await createContext(deps, header)), requestId: req.id };
    },
    responseMeta({ errors, paths, data }) {
      // A storage failure is temporary: tell clients when to retry instead of letting them hammer.
      // A degraded health answer is a 503 too, for load balancers that read only the status.
      const healthStatus = healthHttpStatus(paths, data);
      const isRetryable = healthStatus === 503 || errors.some((error) => error.code === "SERVICE_UNAVAILABLE");
      const headers = isRetryable ? { "Retry-After": String(env.CHRONICLE_RETRY_AFTER_SECONDS) } : undefined;
      return { ...(healthStatus ? { status: healthStatus } : {}), ...(headers ? { headers } : {}) };
    },
    // 500s are logged by trpc.ts's errorFormatter, with the request id their answer names.
  };
  await app.register(fastifyTRPCPlugin, { prefix: TRPC_PATH, trpcOptions });
  await app.register(async (rest) => {
    // The body as text, like tRPC's adapter takes it, so the nesting guard sees it before any parse.
    rest.removeContentTypeParser("application/json");
    rest.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => done(null, body));
    registerRestRoutes(rest, deps);
  });
}
