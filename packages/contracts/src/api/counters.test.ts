import { describe, expect, it } from "vitest";
import { counterIngestInput, counterSummaryInput } from "./counters.ts";

function countOf(count: unknown): number {
  return counterIngestInput.parse({ event: "suggestion_shown", count }).count;
}

describe("counter count (seed 004)", () => {
  it.each([
    [0, 1],
    [51, 50],
    ["7", 7],
    ["abc", 1],
    [undefined, 1],
    [3.9, 3],
  ])("clamps %j to %j instead of refusing it", (input, expected) => {
    expect(countOf(input)).toBe(expected);
  });
});

describe("counter summary window (seed 004)", () => {
  it.each([
    [0, 1],
    [31, 30],
    ["14", 14],
  ])("clamps days %j to %j", (days, expected) => {
    expect(counterSummaryInput.parse({ days })).toEqual({ days: expected });
  });

  it("defaults to 7 days", () => {
    expect(counterSummaryInput.parse(undefined)).toEqual({ days: 7 });
    expect(counterSummaryInput.parse({})).toEqual({ days: 7 });
  });
});
