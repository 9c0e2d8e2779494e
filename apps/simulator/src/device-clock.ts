import type { SeededRandom } from "@chronicle/api/testing/seeded-random.ts";

/**
 * How far a synced device's clock is off: phones and browsers follow NTP, so within a couple
 * of seconds either way.
 */
const SYNCED_SKEW_MS = 2000;
/** One device in this many has a clock set by hand or drifting: minutes off, either way. */
const DEVICES_PER_OUTLIER = 6;
const OUTLIER_MINUTES = { min: 2, max: 20 } as const;

/**
 * Each device's clock offset in ms (its reading minus true time), drawn once per device so a
 * device keeps its error all day, as a real one does. Most are within ±2 s; one device in six
 * (rounded down, so a handful of devices may have none) is minutes off, always under the
 * admin's one-hour back-dated line, so ingestion health shows it as an outlier, not as history.
 */
export function drawDeviceClockSkews(random: SeededRandom, devices: number): number[] {
  const skews = Array.from({ length: devices }, () => random.int(-SYNCED_SKEW_MS, SYNCED_SKEW_MS));
  const outliers = random.shuffle(skews.map((_, i) => i)).slice(0, Math.floor(devices / DEVICES_PER_OUTLIER));
  // Alternately ahead and behind, so a fleet with any outlier has one running ahead, the kind
  // that stamps events after their arrival.
  outliers.forEach((i, k) => {
    const minutes = random.int(OUTLIER_MINUTES.min, OUTLIER_MINUTES.max);
    skews[i] = (k % 2 === 0 ? 1 : -1) * minutes * 60_000 + random.int(-30_000, 30_000);
  });
  return skews;
}

/** A server's clock (the game server's): NTP-synced, well under a second off. */
export function drawServerClockSkew(random: SeededRandom): number {
  return random.int(-400, 400);
}

/** The ISO time a device whose clock is `skewMs` off reads at true time `atMs`. */
export function deviceTime(atMs: number, skewMs: number): string {
  return new Date(atMs + skewMs).toISOString();
}
