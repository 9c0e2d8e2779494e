import { examEvents } from "../families/exam.ts";
import { gameEvents } from "../families/game.ts";
import { studyEvents } from "../families/study.ts";
import { syncEvents } from "../families/sync.ts";
import type { EventFamily, EventSpec } from "./event-spec.ts";
import type { z } from "zod";

export * from "./event-spec.ts";
export { examEvents, gameEvents, studyEvents, syncEvents };

/** Every envelope event of every family, keyed by its `event_type`. */
export const eventCatalog = {
  ...examEvents,
  ...studyEvents,
  ...gameEvents,
  ...syncEvents,
} as const satisfies Record<string, EventSpec>;

export type EventCatalog = typeof eventCatalog;
export type EventType = keyof EventCatalog;
export const eventTypes = Object.keys(eventCatalog) as EventType[];

/** The payload a producer sends for an event type (newest version). */
export type EventPayloadInput<T extends EventType> = z.input<EventCatalog[T]["payload"]>;
/** The payload as stored and read back (newest version, free text scrubbed). */
export type EventPayload<T extends EventType> = z.output<EventCatalog[T]["payload"]>;

export type EventTypeOfFamily<F extends EventFamily> = {
  [T in EventType]: EventCatalog[T]["family"] extends F ? T : never;
}[EventType];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(eventCatalog, value);
}

export function eventSpec(type: EventType): EventSpec {
  return eventCatalog[type];
}

export function familyOf(type: EventType): EventFamily {
  return eventCatalog[type].family;
}
