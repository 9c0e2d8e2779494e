import type { EventSource as TelemetrySource } from "@chronicle/contracts";
import { resolveToken, type TokenSource } from "../token-source.ts";
import { createClientMetrics, type ClientMetrics } from "./client-metrics.ts";
import type { FetchFn } from "./send-ingest-request.ts";
import type { RetryPolicy } from "./send-with-retry.ts";

const MAX_RETRY_DELAY_MS = 30_000;

export interface IngestTargetOptions {
  url: string;
  token: TokenSource;
  source?: TelemetrySource;
  fetch?: FetchFn;
  maxRetries?: number;
  baseBackoffMs?: number;
}

/** Where and how telemetry requests go; shared by the in-memory and the durable queue. */
export interface IngestTarget {
  readonly source: TelemetrySource;
  readonly endpoint: string;
  readonly fetch: FetchFn;
  readonly retryPolicy: RetryPolicy;
  /** Flushes, attempts, retries, rejections and overflow drops, reported to the server with the next request. */
  readonly metrics: ClientMetrics;
  /** Resolves the token source afresh, for a request about to be sent. */
  token(): Promise<string>;
  /** The token resolved last; page-hide requests use it because the page may be gone after an await. */
  lastToken(): string | null;
}

export function createIngestTarget(options: IngestTargetOptions): IngestTarget {
  let lastToken: string | null = typeof options.token === "string" ? options.token : null;
  const source = options.source ?? "web";
  return {
    source,
    endpoint: `${options.url.replace(/\/+$/, "")}/trpc/telemetry.ingest`,
    // Looked up on each call, not captured, so that `window.fetch` is never called on the wrong `this`.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    retryPolicy: {
      maxRetries: options.maxRetries ?? 2,
      baseBackoffMs: options.baseBackoffMs ?? 500,
      maxDelayMs: MAX_RETRY_DELAY_MS,
    },
    metrics: createClientMetrics(source),
    async token() {
      lastToken = await resolveToken(options.token);
      return lastToken;
    },
    lastToken: () => lastToken,
  };
}
