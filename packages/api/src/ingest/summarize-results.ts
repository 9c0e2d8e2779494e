import { MAX_REJECTED_REASONS_SAMPLE, type EventResult } from "@chronicle/contracts";

export interface IngestSummary {
  accepted: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
  rejected_reasons_sample: string[];
}

/** Seed 000's counters plus a sample of at most five distinct rejection reasons. */
export function summarizeResults(results: readonly EventResult[]): IngestSummary {
  const reasons = new Set<string>();
  let accepted = 0;
  let duplicates = 0;
  let rejected = 0;
  let conflicts = 0;
  for (const result of results) {
    if (result.status === "accepted") accepted += 1;
    else if (result.status === "duplicate") duplicates += 1;
    else {
      rejected += 1;
      if (result.code === "id_conflict") conflicts += 1;
      if (reasons.size < MAX_REJECTED_REASONS_SAMPLE) reasons.add(`${result.code}: ${result.message}`);
    }
  }
  return { accepted, duplicates, rejected, conflicts, rejected_reasons_sample: [...reasons] };
}
