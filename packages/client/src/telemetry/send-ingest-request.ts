import type { IngestBatchOutput } from "@chronicle/contracts";
import { CLIENT_METRICS_HEADER } from "@chronicle/contracts/client-metrics-header";
import type { ClientMetrics } from "./client-metrics.ts";

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
  /** Counts this attempt and its outcome; its pending report rides along as a header. */
  metrics: ClientMetrics;
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

/** Network errors, timeouts, throttling and server errors may pass; other refusals will not. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** One POST to telemetry.ingest, the way tRPC's non-batched HTTP link sends a mutation. */
export async function sendIngestRequest(request: SendIngestRequest): Promise<SendOutcome> {
  const { metrics } = request;
  let response: Response;
  metrics.count("requests");
  const report = metrics.takeReport();
  try {
    response = await request.fetch(request.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${request.token}`, [CLIENT_METRICS_HEADER]: report.header },
      body: request.body,
      keepalive: request.keepalive,
    });
  } catch (error) {
    metrics.count("retries");
    return { kind: "retryable", reason: `the request failed (${String(error)})`, retryAfter: null };
  }
  report.delivered();

  const json = await readJson(response);
  if (response.ok) {
    const output = (json as { result?: { data?: unknown } } | null)?.result?.data;
    if (isIngestOutput(output)) {
      metrics.count("events", output.results.length);
      metrics.count("rejected", output.rejected);
      return { kind: "answered", output };
    }
    // Resending is safe: the server deduplicates by event id.
    metrics.count("retries");
    return { kind: "retryable", reason: `HTTP ${response.status} without an ingest result`, retryAfter: null };
  }
  const reason = describeFailure(response, json);
  if (isRetryableStatus(response.status)) {
    metrics.count("retries");
    return { kind: "retryable", reason, retryAfter: response.headers.get("retry-after") };
  }
  return { kind: "failed", reason };
}
