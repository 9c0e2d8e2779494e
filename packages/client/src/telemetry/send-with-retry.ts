import type { IngestBatchOutput } from "@chronicle/contracts";
import { retryDelay } from "./retry.ts";
import type { SendOutcome } from "./send-ingest-request.ts";

export interface RetryPolicy {
  maxRetries: number;
  baseBackoffMs: number;
  /** Waiting longer would hold `flush()`, which the UI awaits before submitting, for too long. */
  maxDelayMs: number;
  random?: () => number;
}

export type SendResult =
  | { kind: "answered"; output: IngestBatchOutput }
  | { kind: "gave_up"; reason: string; attempts: number };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Tries `attempt` once, then up to `maxRetries` more times while the failure is retryable. */
export async function sendWithRetry(attempt: () => Promise<SendOutcome>, policy: RetryPolicy): Promise<SendResult> {
  for (let retry = 0; ; retry += 1) {
    const outcome = await attempt();
    if (outcome.kind === "answered") return outcome;
    const attempts = retry + 1;
    if (outcome.kind === "failed" || retry >= policy.maxRetries) {
      return { kind: "gave_up", reason: outcome.reason, attempts };
    }
    const delay = retryDelay(retry, policy.baseBackoffMs, outcome.retryAfter, policy.random);
    if (delay > policy.maxDelayMs) {
      return { kind: "gave_up", reason: `${outcome.reason}, and the server asked to wait ${Math.ceil(delay / 1000)} s`, attempts };
    }
    await sleep(delay);
  }
}
