import type { z } from "zod";

export const eventFamilies = ["exam", "study", "game", "sync"] as const;
export type EventFamily = (typeof eventFamilies)[number];

/** Who produces the event: the learner's client, Chronicle's server, or a service (game server). */
export type Emitter = "client" | "server" | "service";

/**
 * How sensitive the payload is. Every class excludes names, e-mails and IP addresses;
 * `free_text` payloads carry user-typed text that is capped and scrubbed before storage.
 */
export type PrivacyClass = "behavioural" | "performance" | "device" | "free_text";

/** How long the raw event is kept; the days per class are configurable at runtime. */
export type RetentionClass = "indefinite" | "two_years" | "ninety_days" | "thirty_days";

export const defaultRetentionDays: Record<RetentionClass, number | null> = {
  indefinite: null,
  two_years: 730,
  ninety_days: 90,
  thirty_days: 30,
};

/** An older payload version and the function that turns it into the next version. */
export interface PreviousVersion {
  readonly payload: z.ZodType;
  readonly upcast: (payload: never) => unknown;
}

export interface EventSpec<P extends z.ZodType = z.ZodType, F extends EventFamily = EventFamily, V extends number = number> {
  readonly family: F;
  readonly description: string;
  readonly emitters: readonly Emitter[];
  readonly privacy: PrivacyClass;
  readonly retention: RetentionClass;
  /** The newest payload version; clients should send this one. */
  readonly version: V;
  readonly payload: P;
  /** Older versions keyed by version number; each upcasts to version + 1. */
  readonly previous?: Readonly<Record<number, PreviousVersion>>;
  /** Whether the envelope's question_id must be set (and belong to the session). */
  readonly requiresQuestion?: boolean;
}

/**
 * Identity helper that keeps each spec's literal payload, family and version types,
 * so that `EventTypeOfFamily` and the typed `event_version` of producers can be inferred.
 */
export function defineEvent<P extends z.ZodType, F extends EventFamily, V extends number>(
  spec: EventSpec<P, F, V>,
): EventSpec<P, F, V> {
  return spec;
}
