/** The time range an ingestion-health read covers, and the width of its throughput buckets. */
export interface IngestionWindow {
  since: Date;
  until: Date;
  bucketSeconds: number;
  bucketCount: number;
}

/** At most this many throughput buckets are returned, whatever bucket width is asked for. */
export const MAX_THROUGHPUT_BUCKETS = 1000;
const DEFAULT_BUCKETS = 60;
const MIN_BUCKET_SECONDS = 10;

export function ingestionWindow(now: Date, windowMinutes: number, requestedBucketSeconds?: number): IngestionWindow {
  const windowSeconds = windowMinutes * 60;
  const wanted = requestedBucketSeconds ?? Math.ceil(windowSeconds / DEFAULT_BUCKETS);
  const bucketSeconds = Math.max(MIN_BUCKET_SECONDS, wanted, Math.ceil(windowSeconds / MAX_THROUGHPUT_BUCKETS));
  return {
    since: new Date(now.getTime() - windowSeconds * 1000),
    until: now,
    bucketSeconds,
    bucketCount: Math.ceil(windowSeconds / bucketSeconds),
  };
}
