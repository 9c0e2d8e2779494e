import type { AdminEventRow } from "@chronicle/contracts/api";

export type TimelineEntry = { kind: "event"; event: AdminEventRow } | { kind: "gap"; fromSeq: number; toSeq: number };

/**
 * A session's events in client seq order with a gap entry wherever seq numbers are missing
 * (lost or not yet flushed). Server events carry no seq; they follow in the order they were stored.
 */
export function timelineEntries(events: readonly AdminEventRow[]): TimelineEntry[] {
  const numbered = events.filter((event) => event.seq !== null).sort((a, b) => a.seq! - b.seq! || a.ingestSeq - b.ingestSeq);
  const unnumbered = events.filter((event) => event.seq === null).sort((a, b) => a.ingestSeq - b.ingestSeq);
  const entries: TimelineEntry[] = [];
  let expected = 0;
  for (const event of numbered) {
    const seq = event.seq!;
    if (seq > expected) entries.push({ kind: "gap", fromSeq: expected, toSeq: seq - 1 });
    entries.push({ kind: "event", event });
    expected = Math.max(expected, seq + 1);
  }
  return [...entries, ...unnumbered.map((event) => ({ kind: "event" as const, event }))];
}
