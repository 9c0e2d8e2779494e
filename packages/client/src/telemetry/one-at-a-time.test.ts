import { describe, expect, it } from "vitest";
import { oneAtATime } from "./one-at-a-time.ts";

describe("oneAtATime", () => {
  it("never overlaps runs and folds calls made during a run into one follow-up run", async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const releases: Array<() => void> = [];
    const run = oneAtATime(async () => {
      runs += 1;
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((release) => releases.push(release));
      running -= 1;
    });

    const first = run();
    const during = [run(), run(), run()];
    expect(runs).toBe(1);
    releases.shift()?.();
    await first;
    await Promise.resolve();
    expect(runs).toBe(2);
    releases.shift()?.();
    await Promise.all(during);
    expect(runs).toBe(2);
    expect(maxRunning).toBe(1);
  });

  it("still runs the follow-up when the current run fails", async () => {
    let runs = 0;
    const run = oneAtATime(async () => {
      runs += 1;
      if (runs === 1) throw new Error("first run fails");
    });
    const first = run();
    const second = run();
    await expect(first).rejects.toThrow("first run fails");
    await expect(second).resolves.toBeUndefined();
    expect(runs).toBe(2);
  });
});
