/** How numbers, rates and times read everywhere in the admin app; missing values show as an em dash. */
const MISSING = "—";

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING : integer.format(value);
}

export function formatDecimal(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING : decimal.format(value);
}

/** Rates arrive as percentages 0..100 from the server. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? MISSING : `${decimal.format(value)}%`;
}

export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  return Math.abs(value) >= 1000 ? `${decimal.format(value / 1000)} s` : `${decimal.format(value)} ms`;
}

/** "2026-01-20 12:34:56" in UTC: staff compare times across learners in different zones. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return MISSING;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace("T", " ")}`;
}

/** The first block of a UUID: enough to tell rows apart, with the full id in a title tooltip. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
