import { describe, expect, it } from "vitest";
import { createSessionSeq } from "./session-seq.ts";

describe("createSessionSeq", () => {
  it("keeps numbering in memory when storage throws", () => {
    const brokenStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    const nextSeq = createSessionSeq(brokenStorage);
    expect([nextSeq("a"), nextSeq("a"), nextSeq("b"), nextSeq("a")]).toEqual([0, 1, 0, 2]);
  });

  it("ignores a stored value that is not a count", () => {
    const nextSeq = createSessionSeq({ getItem: () => "-3", setItem: () => {} });
    expect(nextSeq("a")).toBe(0);
  });
});
