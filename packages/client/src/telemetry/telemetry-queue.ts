import type { QueuedEvent } from "./queued-event.ts";

/**
 * Events waiting to be sent, oldest first. The cap bounds memory when the server is
 * unreachable for a long time; past it the oldest events make room for new ones.
 */
export class TelemetryQueue {
  readonly #events: QueuedEvent[] = [];
  readonly #capacity: number;
  readonly #onOverflow: (dropped: QueuedEvent[]) => void;

  constructor(capacity: number, onOverflow: (dropped: QueuedEvent[]) => void) {
    this.#capacity = capacity;
    this.#onOverflow = onOverflow;
  }

  get size(): number {
    return this.#events.length;
  }

  push(event: QueuedEvent): void {
    this.#events.push(event);
    this.#trim();
  }

  /** Takes every queued event out, for sending. */
  takeAll(): QueuedEvent[] {
    return this.#events.splice(0);
  }

  /** Puts events that got no answer back at the front, so they keep their order. */
  putBack(events: readonly QueuedEvent[]): void {
    this.#events.unshift(...events);
    this.#trim();
  }

  #trim(): void {
    const excess = this.#events.length - this.#capacity;
    if (excess > 0) this.#onOverflow(this.#events.splice(0, excess));
  }
}
