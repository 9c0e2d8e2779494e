import type { FastifyInstance } from "fastify";
import { timingSafeEqual } from "node:crypto";
import type { ServerDeps } from "../context.ts";
import { metricsRegistry } from "../observability/metrics.ts";
import { scrapeDatabaseGauges } from "../observability/scrape-database-gauges.ts";
import { replyError } from "./error-reply.ts";
import { unreadyReasons, type ReadinessState } from "./readiness.ts";

export const METRICS_PATH = "/metrics";
export const LIVENESS_PATH = "/livez";
export const READINESS_PATH = "/readyz";

function isBearer(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** GET /metrics (Prometheus text format), GET /livez and GET /readyz for orchestrators. */
export function registerOperatorRoutes(app: FastifyInstance, deps: ServerDeps, readiness: ReadinessState): void {
  app.get(METRICS_PATH, async (request, reply) => {
    const token = deps.env.CHRONICLE_METRICS_TOKEN;
    if (token && !isBearer(request.headers.authorization, token)) {
      return replyError(reply, 401, "metrics_token_required", "Send 'Authorization: Bearer <CHRONICLE_METRICS_TOKEN>' to read the metrics.");
    }
    await scrapeDatabaseGauges(deps.db);
    return reply.header("content-type", metricsRegistry.contentType).header("cache-control", "no-store").send(await metricsRegistry.metrics());
  });

  // Alive as long as the event loop answers: a restart would not fix a slow database.
  app.get(LIVENESS_PATH, async (_request, reply) => reply.header("cache-control", "no-store").send({ status: "alive" }));

  app.get(READINESS_PATH, async (_request, reply) => {
    const reasons = await unreadyReasons(deps.db, readiness);
    return reply
      .code(reasons.length === 0 ? 200 : 503)
      .header("cache-control", "no-store")
      .send(reasons.length === 0 ? { status: "ready" } : { status: "unready", reasons });
  });
}
