/** One event of a game session as the time line needs it, in log order. */
export interface TimedGameEvent {
  /** When Chronicle received the event (event_ts, ISO). Every event of one request shares it. */
  eventTs: string;
  /** The game's own timestamp (seed 003's `timestamp`, stored as client_ts), if it sent one. */
  clientTs: string | null;
}

/**
 * How far before its receipt a batch may place the session's earliest event when nothing
 * earlier of the session was received: a game session sent in one batch can span at most this.
 */
export const MAX_BATCH_REACH_MS = 3 * 60 * 60 * 1000;

/**
 * The game's time of each event (epoch ms, same order as `events`), the one time line every
 * time-based game figure uses (game_sessions.started_at, focus_duration, time_efficiency's
 * fallback, first/last_event_at). The rule, in docs/behavioural-features.md:
 *
 * 1. Events are grouped by receipt (equal event_ts). Within a receipt the game's timestamps
 *    give the spacing: the receipt's latest timestamped event is placed at the receipt and
 *    every other one keeps its distance from it. A game clock wrong by a constant therefore
 *    changes nothing, and a bulk-sent 15-minute session spans 15 minutes.
 * 2. An event without a timestamp happened at its receipt.
 * 3. Bounded by receipt: no event is placed after its receipt (rule 1 ensures it), nor before
 *    the latest earlier receipt of the session (a batch cannot reach back over time Chronicle
 *    already saw pass), nor more than MAX_BATCH_REACH_MS before its own receipt. A wrong or
 *    jumping clock can stretch a session by at most the real time between receipts.
 */
function stampOf(event: TimedGameEvent): number | null {
  if (event.clientTs === null) return null;
  const ms = Date.parse(event.clientTs);
  return Number.isNaN(ms) ? null : ms;
}

export function gameTimeLine(events: readonly TimedGameEvent[]): number[] {
  const receipts = new Map<string, number[]>();
  events.forEach((event, index) => {
    const group = receipts.get(event.eventTs);
    if (group) group.push(index);
    else receipts.set(event.eventTs, [index]);
  });
  const times = new Array<number>(events.length);
  let latestEarlierReceipt = Number.NEGATIVE_INFINITY;
  for (const [eventTs, indexes] of receipts) {
    const receipt = Date.parse(eventTs);
    const stamped = indexes.map((i) => stampOf(events[i]!));
    const latestStamp = Math.max(...stamped.map((ms) => ms ?? Number.NEGATIVE_INFINITY));
    const floor = Math.min(receipt, Math.max(latestEarlierReceipt, receipt - MAX_BATCH_REACH_MS));
    indexes.forEach((eventIndex, k) => {
      const stamp = stamped[k];
      times[eventIndex] = stamp === null || stamp === undefined ? receipt : Math.max(floor, receipt - (latestStamp - stamp));
    });
    latestEarlierReceipt = Math.max(latestEarlierReceipt, receipt);
  }
  return times;
}
