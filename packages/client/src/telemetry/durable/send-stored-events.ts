import type { ClientEvent, IngestBatchOutput } from "@chronicle/contracts";
import { classifyResults, type RejectedEvent } from "../classify-results.ts";
import type { IngestTarget } from "../ingest-target.ts";
import type { QueuedEvent } from "../queued-event.ts";
import { describeError, reportDropped, type OnDrop } from "../report-lost-events.ts";
import { sendIngestRequest, type SendOutcome } from "../send-ingest-request.ts";
import { sendWithRetry } from "../send-with-retry.ts";
import { splitIntoRequests, type IngestRequest } from "../split-into-requests.ts";
import { claimEvents } from "./claim-events.ts";
import { isOffline } from "./online-status.ts";
import { settleEvents } from "./settle-events.ts";
import { takeUnreportedOverflow } from "./take-unreported-overflow.ts";

export interface StoredEventsSender {
  db: IDBDatabase;
  target: IngestTarget;
  onDrop: OnDrop | undefined;
  onRejected: (rejected: readonly RejectedEvent[]) => void;
}

/**
 * How long a claim holds when the claiming tab dies before settling (a reload mid-request).
 * Another tab then sends the events again; the server answers "duplicate" if they had arrived.
 */
const CLAIM_LEASE_MS = 30_000;
/** Claiming in rounds bounds the memory a flush of a full store needs. */
const MAX_CLAIMED_PER_ROUND = 500;
const MAX_ROUNDS = 20;

type RequestFate = "sent" | "stop";

/** Events are claimed from the store as fresh objects, so each one identifies its key. */
type KeyOf = (queued: QueuedEvent) => number;

export function createStoredEventsSender(sender: StoredEventsSender) {
  const { db, target } = sender;

  const settleAnswer = async (request: IngestRequest, keyOf: KeyOf, output: IngestBatchOutput) => {
    const { rejected, unanswered } = classifyResults(request.events, output.results);
    const keyOfEvent = new Map<ClientEvent, number>(request.events.map((queued) => [queued.event, keyOf(queued)]));
    const unsettled = new Set<ClientEvent>([...rejected.map((entry) => entry.event), ...unanswered.map((queued) => queued.event)]);
    await settleEvents(db, {
      acknowledged: request.events.filter((queued) => !unsettled.has(queued.event)).map(keyOf),
      rejected: rejected.map((entry) => ({ key: keyOfEvent.get(entry.event) ?? -1, rejected: entry })),
      released: unanswered.map(keyOf),
    });
    sender.onRejected(rejected);
  };

  const dropRequest = async (request: IngestRequest, keyOf: KeyOf, reason: string) => {
    await settleEvents(db, { dropped: request.events.map(keyOf) });
    reportDropped(request.events.map((queued) => queued.event), reason, sender.onDrop);
  };

  /** Retries as seed 000 says, except that going offline stops the attempts without losing the events. */
  const sendRequest = async (request: IngestRequest, keyOf: KeyOf): Promise<RequestFate> => {
    let isCutOff = false;
    let lastOutcome: SendOutcome | undefined;
    const result = await sendWithRetry(async () => {
      if (isOffline()) {
        isCutOff = true;
        return { kind: "failed", reason: "the browser is offline" };
      }
      lastOutcome = await sendIngestRequest({ fetch: target.fetch, endpoint: target.endpoint, token: await target.token(), body: request.body, keepalive: false, metrics: target.metrics });
      return lastOutcome;
    }, target.retryPolicy);
    if (result.kind === "answered") {
      await settleAnswer(request, keyOf, result.output);
      return "sent";
    }
    // A server that is down or busy will take the events later; the store keeps them until then.
    if (isCutOff || lastOutcome?.kind === "retryable") return "stop";
    await dropRequest(request, keyOf, `${result.reason} (after ${result.attempts} attempt(s))`);
    return "sent";
  };

  const sendKeepalive = async (request: IngestRequest, keyOf: KeyOf): Promise<void> => {
    const bearer = target.lastToken() ?? (await target.token());
    const outcome = await sendIngestRequest({ fetch: target.fetch, endpoint: target.endpoint, token: bearer, body: request.body, keepalive: true, metrics: target.metrics });
    if (outcome.kind === "answered") await settleAnswer(request, keyOf, outcome.output);
    else if (outcome.kind === "failed") await dropRequest(request, keyOf, outcome.reason);
    else await settleEvents(db, { released: request.events.map(keyOf) });
  };

  const release = (requests: readonly IngestRequest[], keyOf: KeyOf) =>
    settleEvents(db, { released: requests.flatMap((request) => request.events.map(keyOf)) });

  /**
   * Claims the free events, oldest first, and sends them in requests of at most 64 KB and 50
   * events. Call it only while holding the flush lock. Stops at the first request that could
   * not be delivered, so an unreachable server gets one request per flush, not a storm.
   */
  return async function sendStoredEvents(isKeepalive: boolean): Promise<void> {
    // Seed 000's queue overflow rate: whichever tab flushes reports every tab's overflow.
    target.metrics.count("dropped", await takeUnreportedOverflow(db));
    let afterKey = 0;
    for (let round = 0; round < MAX_ROUNDS && !isOffline(); round += 1) {
      const claimed = await claimEvents(db, { afterKey, limit: MAX_CLAIMED_PER_ROUND, now: Date.now(), leaseMs: CLAIM_LEASE_MS });
      const last = claimed.at(-1);
      if (last === undefined) return;
      afterKey = last.key;
      const keys = new Map(claimed.map((entry) => [entry.queued, entry.key]));
      const keyOf: KeyOf = (queued) => keys.get(queued) ?? -1;
      const requests = splitIntoRequests(target.source, claimed.map((entry) => entry.queued));
      if (round === 0) target.metrics.count("flushes");

      if (isKeepalive) {
        // The page may be going away: every request leaves now, and whatever fails stays stored.
        await Promise.all(requests.map((request) => sendKeepalive(request, keyOf).catch(() => release([request], keyOf))));
        return;
      }
      for (const [index, request] of requests.entries()) {
        let fate: RequestFate = "stop";
        try {
          fate = await sendRequest(request, keyOf);
        } catch (error) {
          console.warn(`Chronicle telemetry kept ${request.events.length} event(s) for later because ${describeError(error)}.`);
        }
        if (fate === "stop") {
          await release(requests.slice(index), keyOf);
          return;
        }
      }
    }
  };
}
