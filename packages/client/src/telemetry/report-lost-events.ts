import type { ClientEvent } from "@chronicle/contracts";
import type { RejectedEvent } from "./classify-results.ts";

export type OnDrop = (events: readonly ClientEvent[], reason: string) => void;

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One warning and one `onDrop` call per loss; a throwing callback must not break the SDK. */
export function reportDropped(events: readonly ClientEvent[], reason: string, onDrop: OnDrop | undefined): void {
  if (events.length === 0) return;
  console.warn(`Chronicle telemetry dropped ${events.length} event(s) because ${reason}.`);
  try {
    onDrop?.(events, reason);
  } catch (error) {
    console.warn(`Chronicle telemetry's onDrop callback threw: ${describeError(error)}.`);
  }
}

export function reportRejected(rejected: readonly RejectedEvent[]): void {
  const first = rejected[0];
  if (first === undefined) return;
  console.warn(
    `Chronicle rejected ${rejected.length} telemetry event(s), first ${first.event.event_type}: ${first.message ?? first.code}; see telemetry.rejected().`,
  );
}
