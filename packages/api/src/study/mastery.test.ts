import { describe, expect, it } from "vitest";
import { addAttempt, masteryOfAttempts, masteryScore, NO_EVIDENCE, type MasteryAttempt } from "./mastery.ts";

const DAY = 86_400_000;
const at = (day: number, isCorrect: boolean, isFirstAttempt = true): MasteryAttempt => ({ attemptedAtMs: Date.UTC(2025, 0, 1) + day * DAY, isCorrect, isFirstAttempt });
const fold = (attempts: MasteryAttempt[]) => attempts.reduce(addAttempt, NO_EVIDENCE);

describe("topic mastery formula", () => {
  it("sits at 0.5 with no evidence (Laplace smoothing)", () => {
    expect(masteryScore(NO_EVIDENCE)).toBe(0.5);
    expect(masteryOfAttempts([])).toBe(0.5);
  });

  it("weighs one correct first attempt 2: (2 + 1) / (2 + 2) = 0.75", () => {
    const evidence = fold([at(0, true)]);
    expect(evidence).toEqual({ weightedCorrect: 2, weightedTotal: 2, latestAttemptMs: at(0, true).attemptedAtMs });
    expect(masteryScore(evidence)).toBe(0.75);
  });

  it("weighs a repeat half as much as a first attempt: (1 + 1) / (1 + 2)", () => {
    expect(masteryScore(fold([at(0, true, false)]))).toBeCloseTo(2 / 3, 6);
  });

  it("halves a 30-day-old first attempt: wrong first at day 0 (w 1), correct repeat at day 30 (w 1) → 2/4", () => {
    const evidence = fold([at(0, false), at(30, true, false)]);
    expect(evidence.weightedTotal).toBeCloseTo(2, 6);
    expect(evidence.weightedCorrect).toBeCloseTo(1, 6);
    expect(masteryScore(evidence)).toBeCloseTo(0.5, 6);
  });

  it("measures age from the latest attempt: day 0 ✓ (w 0.5), day 60 ✗ (w 2), day 60 ✓ (w 2) → 3.5 / 6.5", () => {
    const attempts = [at(0, true), at(60, false), at(60, true)];
    expect(masteryScore(fold(attempts))).toBeCloseTo(3.5 / 6.5, 6);
    expect(masteryOfAttempts(attempts)).toBeCloseTo(0.538462, 6);
  });

  it("gives the same score whatever order the attempts are folded in (an older attempt arrives late)", () => {
    const attempts = [at(60, false), at(0, true), at(60, true), at(12.5, false, false), at(45, true, false)];
    const expected = masteryOfAttempts(attempts);
    expect(masteryScore(fold(attempts))).toBeCloseTo(expected, 6);
    expect(masteryScore(fold([...attempts].reverse()))).toBeCloseTo(expected, 6);
  });

  it("ignores the wall clock: shifting every attempt by a year changes nothing", () => {
    const attempts = [at(0, true), at(10, false), at(20, true)];
    const shifted = attempts.map((a) => ({ ...a, attemptedAtMs: a.attemptedAtMs + 365 * DAY }));
    expect(masteryScore(fold(shifted))).toBe(masteryScore(fold(attempts)));
  });

  it("keeps the sums float4-exact after every step, so any batching folds through the same states", () => {
    const evidence = fold([at(0, true), at(3.3, false), at(7.1, true, false)]);
    expect(Math.fround(evidence.weightedCorrect)).toBe(evidence.weightedCorrect);
    expect(Math.fround(evidence.weightedTotal)).toBe(evidence.weightedTotal);
  });
});
