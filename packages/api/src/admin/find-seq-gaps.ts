/** At most this many missing seq numbers are listed; the count is always exact. */
export const MAX_LISTED_MISSING_SEQS = 1000;

export interface SeqGaps {
  maxSeq: number | null;
  presentSeqCount: number;
  missingSeqs: number[];
  missingSeqCount: number;
  completenessPercent: number | null;
}

/**
 * Client seq numbers start at 0, so a complete session holds every number in 0..max:
 * completeness = distinct present / (max + 1) × 100.
 */
export function findSeqGaps(sortedDistinctSeqs: readonly number[]): SeqGaps {
  const present = sortedDistinctSeqs.filter((seq) => seq >= 0);
  const maxSeq = present.at(-1);
  if (maxSeq === undefined) return { maxSeq: null, presentSeqCount: 0, missingSeqs: [], missingSeqCount: 0, completenessPercent: null };
  const missingSeqs: number[] = [];
  let expected = 0;
  for (const seq of present) {
    for (let gap = expected; gap < seq && missingSeqs.length < MAX_LISTED_MISSING_SEQS; gap++) missingSeqs.push(gap);
    expected = seq + 1;
  }
  return {
    maxSeq,
    presentSeqCount: present.length,
    missingSeqs,
    missingSeqCount: maxSeq + 1 - present.length,
    completenessPercent: Math.round((present.length / (maxSeq + 1)) * 100 * 100) / 100,
  };
}
