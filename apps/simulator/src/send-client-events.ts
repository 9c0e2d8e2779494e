import type { ClientEvent } from "@chronicle/contracts";
import { badEventKinds, makeBadEvent } from "./bad-events.ts";
import { deviceTime } from "./device-clock.ts";
import type { SimulatedLearner, SimulationContext } from "./simulation-context.ts";
import type { TimedClientEvent } from "./session-event-log.ts";
import { countEventStatus, recordFailedCall, type TrafficFamily } from "./traffic-tally.ts";

/** The SDK flushes every 10 queued events (seed 000), so that is the batch size sent. */
export const SDK_FLUSH_SIZE = 10;
/** How often a client resends a batch it already delivered (a lost response, a retry). */
const RESEND_RATE = 0.03;

/**
 * The chunk as the SDK's queue holds it at a flush now: simulated time is compressed, but the
 * events were really recorded over the seconds before this flush, and client_ts is the device's
 * reading of that moment. A resend repeats the same stamps, as a retried request does.
 */
function stampAtFlush(ctx: SimulationContext, learner: SimulatedLearner, chunk: readonly TimedClientEvent[]): TimedClientEvent[] {
  let atMs = ctx.trueNowMs() - learner.random.int(50, 1500);
  const stamped: TimedClientEvent[] = [];
  for (let i = chunk.length - 1; i >= 0; i -= 1) {
    const { event } = chunk[i]!;
    stamped.unshift({ event: { ...event, client_ts: deviceTime(atMs, learner.clockSkewMs) }, atMs });
    atMs -= learner.random.int(100, 1200);
  }
  return stamped;
}

/**
 * Sends one session's events through telemetry.ingest in SDK-sized batches, slipping in a bad
 * event at `badRate` and now and then resending a whole batch, and counts every per-event
 * answer toward `family`.
 */
export async function sendClientEvents(
  ctx: SimulationContext,
  learner: SimulatedLearner,
  family: TrafficFamily,
  timed: readonly TimedClientEvent[],
): Promise<void> {
  const { random } = learner;
  for (let start = 0; start < timed.length; start += SDK_FLUSH_SIZE) {
    const chunk = stampAtFlush(ctx, learner, timed.slice(start, start + SDK_FLUSH_SIZE));
    const batch: unknown[] = [];
    for (const { event, atMs } of chunk) {
      batch.push(event);
      if (random.chance(ctx.badRate)) {
        const others = ctx.examSessions.filter((s) => s.userId !== learner.userId);
        const foreign = others.length > 0 ? random.pick(others).sessionId : undefined;
        batch.push(makeBadEvent(random, random.pick(badEventKinds), event.session_id, atMs + learner.clockSkewMs, foreign));
      }
    }
    const sends = random.chance(RESEND_RATE) ? 2 : 1;
    for (let attempt = 0; attempt < sends; attempt += 1) {
      try {
        // Bad events travel as the wire carries them: untyped JSON the server checks one by one.
        const answer = await learner.client.telemetry.ingest.mutate({ source: learner.device === "web" ? "web" : "mobile", events: batch as ClientEvent[] });
        for (const result of answer.results) countEventStatus(ctx.tally, family, result.status);
      } catch (error) {
        recordFailedCall(ctx.tally, "telemetry.ingest", error);
      }
    }
  }
}
