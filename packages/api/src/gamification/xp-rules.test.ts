import { describe, expect, it } from "vitest";
import { levelForXp, MAX_LEVEL, quizCompleteXp, streakXp, xpForLevel, xpToNextLevel } from "./xp-rules.ts";

describe("level thresholds (level n needs 50·n·(n−1) XP)", () => {
  it.each([
    [0, 1],
    [99, 1],
    [100, 2],
    [299, 2],
    [300, 3],
    [599, 3],
    [600, 4],
    [999, 4],
    [1000, 5],
    [4499, 9],
    [4500, 10],
  ])("%i XP is level %i", (xp, level) => {
    expect(levelForXp(xp)).toBe(level);
  });

  it("agrees with xpForLevel at every bound and one below, up to the top level", () => {
    for (let level = 2; level <= MAX_LEVEL; level += 1) {
      expect(levelForXp(xpForLevel(level))).toBe(level);
      expect(levelForXp(xpForLevel(level) - 1)).toBe(level - 1);
    }
    expect(levelForXp(1_000_000_000)).toBe(MAX_LEVEL);
  });

  it("counts the XP still needed for the next level", () => {
    expect(xpToNextLevel(0)).toBe(100);
    expect(xpToNextLevel(105)).toBe(195);
    expect(xpToNextLevel(999)).toBe(1);
    expect(xpToNextLevel(1000)).toBe(500);
    expect(xpToNextLevel(xpForLevel(MAX_LEVEL))).toBe(0);
  });
});

describe("xp per source", () => {
  it("prices a quiz by accuracy, tier bounds included", () => {
    expect(quizCompleteXp(10, 10)).toBe(50);
    expect(quizCompleteXp(9, 10)).toBe(30);
    expect(quizCompleteXp(8, 10)).toBe(30);
    expect(quizCompleteXp(7, 10)).toBe(15);
    expect(quizCompleteXp(5, 10)).toBe(15);
    expect(quizCompleteXp(4, 10)).toBe(5);
    expect(quizCompleteXp(0, 10)).toBe(5);
    expect(quizCompleteXp(12, 10)).toBe(50);
  });

  it("gives 5 XP per streak day, capped at 50", () => {
    expect(streakXp(1)).toBe(5);
    expect(streakXp(7)).toBe(35);
    expect(streakXp(10)).toBe(50);
    expect(streakXp(400)).toBe(50);
  });
});
