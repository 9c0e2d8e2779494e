import { eventFamilies, type EventFamily } from "@chronicle/contracts";
import type { KeepDays, RetentionPolicy } from "@chronicle/api/privacy/retention-policy.ts";

/** What `chronicle retention --family` may name: an event family, or seed 004's raw counter rows. */
export const retentionTargets = [...eventFamilies, "counter"] as const;
export type RetentionTarget = EventFamily | "counter";

const never = (policy: RetentionPolicy): RetentionPolicy => ({
  events: Object.fromEntries(Object.keys(policy.events).map((family) => [family, null])) as Record<EventFamily, KeepDays>,
  gameFeatures: null,
  counterRows: null,
  quarantine: null,
});

/**
 * The policy narrowed to one target (seed 004's purge: `--family counter --days 30`): every
 * other target is left alone, and `days`, when given, replaces the target's configured days.
 */
export function narrowRetention(policy: RetentionPolicy, target: string, days: number | undefined): RetentionPolicy {
  if (!(retentionTargets as readonly string[]).includes(target)) {
    throw new Error(`--family must be one of ${retentionTargets.join(", ")}; got '${target}'.`);
  }
  const narrowed = never(policy);
  if (target === "counter") narrowed.counterRows = days ?? policy.counterRows;
  else narrowed.events[target as EventFamily] = days ?? policy.events[target as EventFamily];
  return narrowed;
}

/** --days: a whole number of days from 1 to 36500. */
export function parseRetentionDays(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (typeof value !== "string" || !/^\d+$/.test(value) || days < 1 || days > 36_500) {
    throw new Error(`--days must be a whole number of days from 1 to 36500; got '${String(value)}'.`);
  }
  return days;
}
