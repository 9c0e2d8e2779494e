import { describe, expect, it } from "vitest";
import { seededRandom } from "@chronicle/api/testing/seeded-random.ts";
import { sdkFlushes, SDK_FLUSH_INTERVAL_MS } from "./bulk-client-batches.ts";
import { drawDeviceClockSkews } from "./device-clock.ts";
import { SDK_FLUSH_SIZE } from "./send-client-events.ts";
import type { TimedClientEvent } from "./session-event-log.ts";

describe("the simulator's clocks", () => {
  it("keeps most devices within 2 s of true time and puts one in six minutes off, never an hour", () => {
    const skews = drawDeviceClockSkews(seededRandom(5), 60);
    const outliers = skews.filter((ms) => Math.abs(ms) > 2000);
    expect(outliers).toHaveLength(10);
    for (const ms of outliers) {
      expect(Math.abs(ms)).toBeGreaterThanOrEqual(90_000);
      expect(Math.abs(ms)).toBeLessThan(3_600_000);
    }
    // Some run ahead and some behind.
    expect(outliers.some((ms) => ms > 0) && outliers.some((ms) => ms < 0)).toBe(true);
    expect(drawDeviceClockSkews(seededRandom(5), 5).every((ms) => Math.abs(ms) <= 2000)).toBe(true);
  });

  it("sends a session's events as the SDK would: at 10 queued or the next 12 s tick, so none waits longer, and before submit", () => {
    // A session whose events are minutes apart, then a quick burst of 25.
    const atMs = [0, 90_000, 200_000, 205_000, ...Array.from({ length: 25 }, (_, i) => 300_000 + i * 300)];
    const timed = atMs.map((ms) => ({ event: {}, atMs: ms }) as unknown as TimedClientEvent);
    const flushes = sdkFlushes(seededRandom(9), timed, 300_000 + 24 * 300 + 500);
    expect(flushes.flatMap((flush) => flush.events)).toEqual(timed);
    for (const flush of flushes) {
      expect(flush.events.length).toBeLessThanOrEqual(SDK_FLUSH_SIZE);
      for (const event of flush.events) {
        expect(flush.flushMs).toBeGreaterThanOrEqual(event.atMs);
        expect(flush.flushMs - event.atMs).toBeLessThanOrEqual(SDK_FLUSH_INTERVAL_MS);
      }
    }
    // The last, partial batch goes out before the submit, not at the next tick.
    expect(flushes.at(-1)!.flushMs).toBeLessThanOrEqual(300_000 + 24 * 300 + 500);
  });
});
