/** Every numeric limit of the contract, named once. Sources: seeds 000, 003 and 004. */

/** A payload is at most 4 KB, measured as UTF-8 bytes of its JSON (seed 000). */
export const MAX_PAYLOAD_BYTES = 4096;
/** A learner's token may send at most 50 events per batch (seed 000). */
export const MAX_LEARNER_BATCH_EVENTS = 50;
/** A service token may send up to 1000 events per batch (seed 003). */
export const MAX_SERVICE_BATCH_EVENTS = 1000;
/** Counter counts are clamped into 1..50 (seed 004). */
export const MIN_COUNTER_COUNT = 1;
export const MAX_COUNTER_COUNT = 50;
/** Counter summary windows are clamped into 1..30 days (seed 004). */
export const MIN_SUMMARY_DAYS = 1;
export const MAX_SUMMARY_DAYS = 30;
/** At most five rejection reasons are sampled in an ingest response (seed 000). */
export const MAX_REJECTED_REASONS_SAMPLE = 5;
/** Free text (search queries, feedback, file names) is cut to this many characters. */
export const MAX_FREE_TEXT_CHARS = 200;
/** The client SDK keeps each flush request at or under 64 KB (keepalive fetch limit). */
export const MAX_KEEPALIVE_REQUEST_BYTES = 65_536;
/** Sync batches follow the seed-001 default SYNC_BATCH_SIZE ceiling for large datasets. */
export const MAX_SYNC_BATCH_ITEMS = 200;
/** A rejected event's body is kept in the quarantine up to this many UTF-8 bytes of JSON, with its full size and sha256. */
export const MAX_QUARANTINED_BODY_BYTES = 4096;
/** Rejected events stored per learner (or unreadable learner) per UTC day; beyond it they are counted, not stored. */
export const MAX_QUARANTINED_PER_DAY = 1000;
