const DAY_MS = 86_400_000;

/** The UTC calendar day ("YYYY-MM-DD") of an ISO timestamp: daily stats are kept per UTC day. */
export function utcDay(isoTimestamp: string): string {
  return new Date(isoTimestamp).toISOString().slice(0, 10);
}

/** The Monday (UTC) that starts the ISO week containing `day` ("YYYY-MM-DD"). */
export function isoWeekStart(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  const daysSinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - daysSinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** Whole 24-hour periods from `earlier` to `later`, never negative (log order may disagree with event_ts by a little). */
export function wholeDaysBetween(earlier: string, later: string): number {
  return Math.max(0, Math.floor((Date.parse(later) - Date.parse(earlier)) / DAY_MS));
}
