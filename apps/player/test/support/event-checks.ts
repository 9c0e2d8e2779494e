import type { LoggedEvent } from "./player-server.ts";

/** Events the player sent (they carry a seq), in the order the player numbered them. */
export function clientEvents(events: readonly LoggedEvent[]): LoggedEvent[] {
  return events.filter((event) => event.seq !== null).sort((a, b) => a.seq! - b.seq!);
}

/** Events the server recorded for the learner's actions (no seq), in log order. */
export function serverEvents(events: readonly LoggedEvent[]): LoggedEvent[] {
  return events.filter((event) => event.seq === null);
}

/** "QUESTION_VIEWED 3", "NAVIGATE_NEXT 2→3": short enough to compare whole sequences in one assertion. */
export function describeEvent(event: LoggedEvent): string {
  const p = event.payload;
  if ("from_position" in p) return `${event.type} ${String(p.from_position)}→${String(p.to_position)}`;
  if ("position" in p) return `${event.type} ${String(p.position)}`;
  if ("state" in p) return `${event.type} ${String(p.state)}`;
  return event.type;
}

/** The seqs the player gave a session's events; contiguous 0..n-1 means none lost, none sent twice as new. */
export function seqsOf(events: readonly LoggedEvent[]): number[] {
  return clientEvents(events).map((event) => event.seq!);
}

export function zeroTo(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}
