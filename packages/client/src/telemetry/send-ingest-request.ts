import type { IngestBatchOutput } from "@chronicle/contracts";

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** What one HTTP attempt came to; only `retryable` outcomes are worth another attempt. */
export type SendOutcome =
  | { kind: "answered"; output: IngestBatchOutput }
  | { kind: "retryable"; reason: string; retryAfter: string | null }
  | { kind: "failed"; reason: string };

export interface SendIngestRequest {
  fetch: FetchFn;
  endpoint: string;
  token: string;
  body: string;
  keepalive: boolean;
}

function isIngestOutput(value: unknown): value is IngestBatchOutput {
  return typeof value === "object" && value !== null && Array.isArray((value as { results?: unknown }).results);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** tRPC puts the server's one-sentence explanation in `error.message`. */
function describeFailure(response: Response, json: unknown): string {
  const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
  // The server's sentence ends with a full stop; ours continues after it.
  return typeof message === "string" ? `HTTP ${response.status}: ${message.replace(/\.$/, "")}` : `HTTP ${response.status}`;
}

/**
 * This client's counts since its last report, piggybacked on the next ingest request as the
 * `x-chronicle-client-metrics` header (server: apps/server/src/http/client-metrics-header.ts),
 * so the server's chronicle_client_* metrics see retries and rejections without extra requests.
 */
const unreported = { requests: 0, retries: 0, rejected: 0, dropped: 0 };

/** Counts events given up on because the queue overflowed; reported with the next request. */
export function countDroppedEvents(count: number): void {
  unreported.dropped += count;
}

function clientMetricsHeader(): string {
  return Object.entries(unreported).map(([key, value]) => `${key}=${value}`).join(",");
}

/** Network errors, timeouts, throttling and server errors may pass; other refusals will not. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** One POST to telemetry.ingest, the way tRPC's non-batched HTTP link sends a mutation. */
export async function sendIngestRequest(request: SendIngestRequest): Promise<SendOutcome> {
  let response: Response;
  unreported.requests += 1;
  const report = { ...unreported };
  try {
    response = await request.fetch(request.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${request.token}`, "x-chronicle-client-metrics": clientMetricsHeader() },
      body: request.body,
      keepalive: request.keepalive,
    });
  } catch (error) {
    unreported.retries += 1;
    return { kind: "retryable", reason: `the request failed (${String(error)})`, retryAfter: null };
  }
  // The server has the report now: keep only what happened since it was taken.
  for (const key of Object.keys(report) as (keyof typeof report)[]) unreported[key] -= report[key];

  const json = await readJson(response);
  if (response.ok) {
    const output = (json as { result?: { data?: unknown } } | null)?.result?.data;
    if (isIngestOutput(output)) {
      unreported.rejected += output.rejected;
      return { kind: "answered", output };
    }
    // Resending is safe: the server deduplicates by event id.
    return { kind: "retryable", reason: `HTTP ${response.status} without an ingest result`, retryAfter: null };
  }
  const reason = describeFailure(response, json);
  if (isRetryableStatus(response.status)) {
    unreported.retries += 1;
    return { kind: "retryable", reason, retryAfter: response.headers.get("retry-after") };
  }
  return { kind: "failed", reason };
}
