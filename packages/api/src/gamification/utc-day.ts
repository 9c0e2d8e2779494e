/**
 * A learner's check-in day is the UTC calendar date, whatever their time zone: seed 002
 * detects broken streaks at 00:00 UTC, so every learner's day turns over at the same instant.
 */
export function utcDay(at: Date | string): string {
  return (typeof at === "string" ? new Date(at) : at).toISOString().slice(0, 10);
}

/** The UTC day before `day` (both "YYYY-MM-DD"). */
export function previousUtcDay(day: string): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000));
}
