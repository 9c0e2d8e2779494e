/**
 * The windows staff pick from, all within the server's 5-minute-to-7-day range. Only types come
 * from @chronicle/contracts on this first page, so its zod schemas stay out of the first load.
 */
export const healthWindows = [
  { minutes: 15, label: "15 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 360, label: "6 hours" },
  { minutes: 1440, label: "24 hours" },
  { minutes: 10_080, label: "7 days" },
] as const;

export const DEFAULT_WINDOW_MINUTES = 60;

/** The window named in the address, or the default when it is missing or not one of the choices. */
export function windowMinutesFrom(value: string | null): number {
  const minutes = Number(value);
  return healthWindows.some((window) => window.minutes === minutes) ? minutes : DEFAULT_WINDOW_MINUTES;
}
