import type { ClientEvent } from "@chronicle/contracts";
import { utf8Bytes, type QueuedEvent } from "../queued-event.ts";

/** An event as the `events` store keeps it. */
export interface StoredEvent {
  readonly json: string;
  /** Until then (ms since the epoch) a flush owns the event and no other may send it; 0 when free. */
  readonly claimedUntil: number;
}

/** An event a flush took from the store, with the key that settles it afterwards. */
export interface ClaimedEvent {
  readonly key: number;
  readonly queued: QueuedEvent;
}

export function fromStoredEvent(key: number, stored: StoredEvent): ClaimedEvent {
  return { key, queued: { event: JSON.parse(stored.json) as ClientEvent, json: stored.json, bytes: utf8Bytes(stored.json) } };
}
