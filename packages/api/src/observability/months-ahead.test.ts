import type { EventPartition } from "@chronicle/db";
import { describe, expect, it } from "vitest";
import { monthsAheadByFamily } from "./months-ahead.ts";

const month = (family: string, value: string): EventPartition => ({ family, month: value, name: `events_${family}_${value.replace("-", "_")}` });
const defaults = ["exam", "study", "game", "sync"].map((family): EventPartition => ({ family, month: null, name: `events_${family}_default` }));

describe("months of the log ready ahead, per family", () => {
  it("counts the consecutive months after the current one, across a year's end, and -1 without the current month", () => {
    const partitions = [
      ...defaults,
      month("exam", "2026-12"),
      month("exam", "2027-01"),
      month("exam", "2027-02"),
      month("study", "2026-12"),
      month("study", "2027-02"),
      month("game", "2027-01"),
    ];
    const ahead = monthsAheadByFamily(partitions, new Date("2026-12-31T23:59:59Z"));
    expect(Object.fromEntries(ahead)).toEqual({ exam: 2, study: 0, game: -1, sync: -1 });
    // A month later the exam log has one month left ahead, the game log is back in step.
    expect(monthsAheadByFamily(partitions, new Date("2027-01-01T00:00:00Z")).get("exam")).toBe(1);
    expect(monthsAheadByFamily(partitions, new Date("2027-01-01T00:00:00Z")).get("game")).toBe(0);
  });
});
