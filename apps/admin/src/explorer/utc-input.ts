/**
 * A datetime-local input has no zone; the explorer labels its inputs UTC and reads them as UTC,
 * because every time the admin app shows is UTC.
 */
export function isoFromUtcInput(value: string): string {
  if (!value) return "";
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

export function utcInputFromIso(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 19);
}
