import { adminLiveEvent, adminLiveInput } from "@chronicle/contracts";
import { tracked, TRPCError } from "@trpc/server";
import { setTimeout as sleep } from "node:timers/promises";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { LIVE_MAX_PER_POLL, LIVE_POLL_MS, readLatestIngestSeq, readLiveEvents } from "../../admin/live-events.ts";

function parseLastEventId(lastEventId: string): number {
  const seq = Number(lastEventId);
  if (!/^\d+$/.test(lastEventId) || !Number.isSafeInteger(seq)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `lastEventId '${lastEventId}' is not an event id this stream sent; reconnect without it.` });
  }
  return seq;
}

/**
 * New events as they are stored, over SSE. Each is `tracked` by its ingest_seq, so a client that
 * reconnects with lastEventId resumes right after the last event it saw. Items are checked
 * against adminLiveEvent here because tRPC's .output() validates a whole result, not a stream.
 */
export const live = auditedAdminProcedure.input(adminLiveInput).subscription(async function* ({ ctx, input, signal }) {
  let after = input.lastEventId ? parseLastEventId(input.lastEventId) : await readLatestIngestSeq(ctx.db.orm);
  while (!signal?.aborted) {
    const batch = await readLiveEvents(ctx.db.orm, after);
    for (const event of batch) {
      after = event.ingestSeq;
      yield tracked(String(event.ingestSeq), adminLiveEvent.parse(event));
    }
    if (batch.length < LIVE_MAX_PER_POLL) await sleep(LIVE_POLL_MS, undefined, { signal }).catch(() => undefined);
  }
});
