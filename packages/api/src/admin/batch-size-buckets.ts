import { MAX_LEARNER_BATCH_EVENTS, MAX_SERVICE_BATCH_EVENTS } from "@chronicle/contracts";

export interface BatchSizeRange {
  label: string;
  min: number;
  max: number;
}

/** The batch-size histogram: the two hard limits (50 for learners, 1000 for services) get buckets of their own. */
export const batchSizeRanges: readonly BatchSizeRange[] = [
  { label: "1", min: 1, max: 1 },
  { label: "2-9", min: 2, max: 9 },
  { label: "10-24", min: 10, max: 24 },
  { label: "25-49", min: 25, max: 49 },
  { label: String(MAX_LEARNER_BATCH_EVENTS), min: MAX_LEARNER_BATCH_EVENTS, max: MAX_LEARNER_BATCH_EVENTS },
  { label: `51-199`, min: MAX_LEARNER_BATCH_EVENTS + 1, max: 199 },
  { label: "200-999", min: 200, max: MAX_SERVICE_BATCH_EVENTS - 1 },
  { label: String(MAX_SERVICE_BATCH_EVENTS), min: MAX_SERVICE_BATCH_EVENTS, max: MAX_SERVICE_BATCH_EVENTS },
];

/** Batch sizes that sit exactly at a hard limit: a client filling every batch may be truncating or falling behind. */
export const hardLimitBatchSizes: readonly number[] = [MAX_LEARNER_BATCH_EVENTS, MAX_SERVICE_BATCH_EVENTS];
