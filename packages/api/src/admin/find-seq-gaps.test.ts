import { describe, expect, it } from "vitest";
import { findSeqGaps, MAX_LISTED_MISSING_SEQS } from "./find-seq-gaps.ts";

describe("findSeqGaps", () => {
  it("lists the numbers missing from 0..max and the completeness", () => {
    expect(findSeqGaps([1, 2, 5])).toEqual({ maxSeq: 5, presentSeqCount: 3, missingSeqs: [0, 3, 4], missingSeqCount: 3, completenessPercent: 50 });
  });

  it("calls a session from 0 with no hole complete", () => {
    expect(findSeqGaps([0, 1, 2])).toMatchObject({ missingSeqs: [], completenessPercent: 100 });
  });

  it("has no completeness without any seq", () => {
    expect(findSeqGaps([])).toEqual({ maxSeq: null, presentSeqCount: 0, missingSeqs: [], missingSeqCount: 0, completenessPercent: null });
  });

  it("caps the listed gaps but counts all of them", () => {
    const gaps = findSeqGaps([0, 1_000_000]);
    expect(gaps.missingSeqs).toHaveLength(MAX_LISTED_MISSING_SEQS);
    expect(gaps.missingSeqCount).toBe(999_999);
  });
});
