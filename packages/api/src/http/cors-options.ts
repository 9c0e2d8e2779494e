import type { FastifyCorsOptions } from "@fastify/cors";
import type { ServerEnv } from "../env.ts";

/** The allowlist from CHRONICLE_CORS_ORIGINS ("https://a.example, https://b.example"). */
export function allowedOrigins(env: Pick<ServerEnv, "CHRONICLE_CORS_ORIGINS">): string[] {
  return (env.CHRONICLE_CORS_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim().replace(/\/$/, ""))
    .filter(Boolean);
}

/**
 * Browsers on an allowed origin may call the API; credentials travel only as a bearer header,
 * never as cookies, so `credentials` stays off. Other origins get no Access-Control-Allow-Origin
 * and the browser refuses the response.
 */
export function corsOptions(env: Pick<ServerEnv, "CHRONICLE_CORS_ORIGINS">): FastifyCorsOptions {
  const origins = allowedOrigins(env);
  return {
    origin: origins.length === 0 ? false : origins,
    credentials: false,
    methods: ["GET", "POST"],
    allowedHeaders: ["authorization", "content-type", "content-encoding", "trpc-accept", "x-chronicle-client-metrics"],
    exposedHeaders: ["retry-after", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"],
    maxAge: 600,
  };
}
