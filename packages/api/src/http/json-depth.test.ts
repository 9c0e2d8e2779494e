import { describe, expect, it } from "vitest";
import { isNestedDeeperThan } from "./json-depth.ts";

const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

describe("isNestedDeeperThan", () => {
  it("allows nesting up to the limit and refuses one level more", () => {
    expect(isNestedDeeperThan(nested(64), 64)).toBe(false);
    expect(isNestedDeeperThan(nested(65), 64)).toBe(true);
    expect(isNestedDeeperThan(`{"a":${nested(63)}}`, 64)).toBe(false);
    expect(isNestedDeeperThan(`{"a":${nested(64)}}`, 64)).toBe(true);
  });

  it("ignores brackets inside strings, including after escaped quotes", () => {
    const text = JSON.stringify({ note: "[".repeat(500), quoted: 'say \\"[[[[" ok', list: [[1]] });
    expect(isNestedDeeperThan(text, 3)).toBe(false);
  });

  it("measures depth, not the count of siblings", () => {
    expect(isNestedDeeperThan(JSON.stringify(Array.from({ length: 1000 }, () => ({ a: [1] }))), 3)).toBe(false);
  });
});
