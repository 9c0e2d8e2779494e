import { adminLiveEvent, adminLiveInput } from "@chronicle/contracts";
import { tracked, TRPCError } from "@trpc/server";
import { setTimeout as sleep } from "node:timers/promises";
import { auditedAdminProcedure } from "../../admin/audited-procedure.ts";
import { formatLivePosition, LIVE_MAX_PER_POLL, LIVE_POLL_MS, parseLivePosition, readLiveEvents } from "../../admin/live-events.ts";
import { readLogHead } from "../../projections/log-head.ts";
import type { LogPosition } from "../../projections/read-log.ts";

function resumeFrom(lastEventId: string): LogPosition {
  const position = parseLivePosition(lastEventId);
  if (!position) throw new TRPCError({ code: "BAD_REQUEST", message: `lastEventId '${lastEventId}' is not an event id this stream sent; reconnect without it.` });
  return position;
}

/**
 * New events as they are stored, over SSE. Each is `tracked` by its log position, so a client
 * that reconnects with lastEventId resumes right after the last event it saw. A new stream
 * starts at the log head: only events arriving from now on are sent. Items are checked
 * against adminLiveEvent here because tRPC's .output() validates a whole result, not a stream.
 */
export const live = auditedAdminProcedure.input(adminLiveInput).subscription(async function* ({ ctx, input, signal }) {
  let after = input.lastEventId ? resumeFrom(input.lastEventId) : await readLogHead(ctx.db.orm);
  while (!signal?.aborted) {
    const batch = await readLiveEvents(ctx.db.orm, after);
    for (const { position, ...event } of batch) {
      after = position;
      yield tracked(formatLivePosition(position), adminLiveEvent.parse(event));
    }
    if (batch.length < LIVE_MAX_PER_POLL) await sleep(LIVE_POLL_MS, undefined, { signal }).catch(() => undefined);
  }
});
