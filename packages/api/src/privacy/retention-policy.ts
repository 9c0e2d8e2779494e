import { defaultRetentionDays, eventCatalog, eventFamilies, type EventFamily } from "@chronicle/contracts";
import type { ServerEnv } from "../env.ts";

/** Days to keep, or null for ever. */
export type KeepDays = number | null;

export interface RetentionPolicy {
  /** Raw events per family. */
  events: Record<EventFamily, KeepDays>;
  /** Seed 003: behavioural features and game session summaries outlive the raw telemetry. */
  gameFeatures: KeepDays;
  /** Seed 004: raw counter rows; the daily totals are kept. */
  counterRows: KeepDays;
  /** Rejected events (issue 11): what a producer sent wrong is needed for weeks, not years. */
  quarantine: KeepDays;
}

/** The catalog's default per family: the longest class of any of its events, so nothing is cut short. */
function catalogDays(family: EventFamily): KeepDays {
  const days = Object.values(eventCatalog)
    .filter((spec) => spec.family === family)
    .map((spec) => defaultRetentionDays[spec.retention]);
  return days.includes(null) ? null : Math.max(...(days as number[]));
}

const fromEnv = (value: number | "forever" | undefined, fallback: KeepDays): KeepDays => (value === undefined ? fallback : value === "forever" ? null : value);

/** The catalog's retention (product rules: exam kept, study and sync 2 years, game 90 days), overridden by the environment. */
export function retentionPolicy(env: ServerEnv): RetentionPolicy {
  const override: Record<EventFamily, number | "forever" | undefined> = {
    exam: env.CHRONICLE_RETAIN_EXAM_DAYS,
    study: env.CHRONICLE_RETAIN_STUDY_DAYS,
    game: env.CHRONICLE_RETAIN_GAME_DAYS,
    sync: env.CHRONICLE_RETAIN_SYNC_DAYS,
  };
  const events = Object.fromEntries(eventFamilies.map((family) => [family, fromEnv(override[family], catalogDays(family))])) as Record<EventFamily, KeepDays>;
  return {
    events,
    gameFeatures: fromEnv(env.CHRONICLE_RETAIN_GAME_FEATURES_DAYS, 365),
    counterRows: fromEnv(env.CHRONICLE_RETAIN_COUNTER_DAYS, defaultRetentionDays.thirty_days),
    quarantine: fromEnv(env.CHRONICLE_RETAIN_QUARANTINE_DAYS, defaultRetentionDays.thirty_days),
  };
}

/** The start of the UTC day `days` before `now`'s day: whole days go, so daily rollups stay exact. */
export function retentionCutoff(now: Date, days: number): Date {
  const dayStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(dayStart - days * 86_400_000);
}
