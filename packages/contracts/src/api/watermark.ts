import { z } from "zod";

/**
 * xAPI's Consistent-Through for every aggregate answer: the answer includes every event up to
 * this log position (`"<tx_id>:<ingest_seq>"`, the projections' order) and was received by
 * `consistentThrough` (the event_ts of the event at that position; null before any event, or
 * once retention purged it). Later events may not be in it yet.
 */
export const consistencyWatermark = z.object({ logPosition: z.string(), consistentThrough: z.string().nullable() });
export type ConsistencyWatermark = z.infer<typeof consistencyWatermark>;
