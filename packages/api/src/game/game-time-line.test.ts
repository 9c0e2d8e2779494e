import { describe, expect, it } from "vitest";
import { gameTimeLine, MAX_BATCH_REACH_MS, type TimedGameEvent } from "./game-time-line.ts";

const iso = (hhmmss: string) => `2025-11-13T${hhmmss}.000Z`;
const ms = (hhmmss: string) => Date.parse(iso(hhmmss));
const sent = (receipt: string, stamp: string | null): TimedGameEvent => ({ eventTs: iso(receipt), clientTs: stamp === null ? null : iso(stamp) });
const minutes = (times: number[]) => (Math.max(...times) - Math.min(...times)) / 60_000;

describe("the game's time line", () => {
  it("a bulk sender: a 15-minute session sent in one batch at 12:30 spans 15 minutes, ending at the receipt", () => {
    const events = [sent("12:30:00", "12:00:00"), sent("12:30:00", "12:05:00"), sent("12:30:00", "12:15:00")];
    expect(gameTimeLine(events)).toEqual([ms("12:15:00"), ms("12:20:00"), ms("12:30:00")]);
    expect(minutes(gameTimeLine(events))).toBe(15);
  });

  it("a bulk sender whose clock is two hours ahead or behind gets the same 15 minutes at the same place", () => {
    const ahead = [sent("12:30:00", "14:00:00"), sent("12:30:00", "14:15:00")];
    const behind = [sent("12:30:00", "10:00:00"), sent("12:30:00", "10:15:00")];
    expect(gameTimeLine(ahead)).toEqual([ms("12:15:00"), ms("12:30:00")]);
    expect(gameTimeLine(behind)).toEqual([ms("12:15:00"), ms("12:30:00")]);
  });

  it("a live sender: each event its own request, so each sits at its receipt whatever its clock says", () => {
    const events = [sent("12:00:00", "14:00:01"), sent("12:04:00", "14:04:02"), sent("12:09:30", null)];
    expect(gameTimeLine(events)).toEqual([ms("12:00:00"), ms("12:04:00"), ms("12:09:30")]);
  });

  it("a batch cannot reach back over an earlier receipt of the session", () => {
    // 12:00 live, then at 12:10 a batch whose clock jumped an hour back: it may not start before 12:00.
    const events = [sent("12:00:00", null), sent("12:10:00", "11:00:00"), sent("12:10:00", "11:08:00")];
    expect(gameTimeLine(events)).toEqual([ms("12:00:00"), ms("12:02:00"), ms("12:10:00")]);
    expect(minutes(gameTimeLine(events))).toBe(10);
  });

  it("a single batch cannot invent more than the reach bound, however wrong its clock", () => {
    // The first event claims to be from the day before: three hours is as far back as a batch reaches.
    const events = [{ eventTs: iso("12:30:00"), clientTs: "2025-11-12T00:00:00.000Z" }, sent("12:30:00", "12:29:00")];
    const times = gameTimeLine(events);
    expect(times[1]).toBe(ms("12:30:00"));
    expect(times[0]).toBe(ms("12:30:00") - MAX_BATCH_REACH_MS);
  });
});
