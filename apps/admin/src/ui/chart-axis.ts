import type { XAxisProps } from "recharts";

/** "2026-12-07" → "12-07": the year is the same across a chart's window, and short labels fit. */
export function shortDay(day: unknown): string {
  return typeof day === "string" && /^\d{4}-\d{2}-\d{2}/.test(day) ? day.slice(5, 10) : String(day);
}

/**
 * Every category labelled: recharts drops labels that would collide (interval "preserveEnd"),
 * so a reader cannot tell which bar is which day. Slanted, thirty days fit a half-width panel.
 */
export const everyLabelAxis: XAxisProps = { interval: 0 };

export const dayAxis: XAxisProps = { interval: 0, tickFormatter: shortDay, angle: -40, textAnchor: "end", height: 44, tick: { fontSize: 12 } };

/** Long category names (event names) slanted, so all of them show without overlapping. */
export const slantedLabelAxis: XAxisProps = { interval: 0, angle: -30, textAnchor: "end", height: 72, tick: { fontSize: 12 } };
