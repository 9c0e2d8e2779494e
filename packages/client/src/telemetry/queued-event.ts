import type { ClientEvent } from "@chronicle/contracts";

/** An event waiting to be sent, serialised once when tracked so splitting can count its bytes. */
export interface QueuedEvent {
  readonly event: ClientEvent;
  readonly json: string;
  readonly bytes: number;
}

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).byteLength;
}

export function toQueuedEvent(event: ClientEvent): QueuedEvent {
  const json = JSON.stringify(event);
  return { event, json, bytes: utf8Bytes(json) };
}
