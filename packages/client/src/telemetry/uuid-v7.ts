/** Fills a byte array with cryptographically strong random values (`crypto.getRandomValues`). */
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

export interface UuidV7Sources {
  now?: () => number;
  randomBytes?: RandomBytes;
}

const MAX_COUNTER = 0xfff;

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A UUIDv7 generator (RFC 9562): 48-bit Unix milliseconds, version 7, a 12-bit counter
 * in rand_a, variant 10, then 62 random bits. The counter (RFC 9562 §6.2, method 1) keeps
 * ids from one client strictly increasing even within one millisecond or when the clock
 * steps back, so the log can order a session's events by id.
 */
export function createUuidV7(sources: UuidV7Sources = {}): () => string {
  const now = sources.now ?? (() => Date.now());
  const randomBytes: RandomBytes = sources.randomBytes ?? ((bytes) => globalThis.crypto.getRandomValues(bytes));
  let lastMs = -1;
  let counter = 0;

  return () => {
    const bytes = randomBytes(new Uint8Array(16));
    let ms = now();
    if (ms > lastMs) {
      // Seeding with a random value whose top bit is clear leaves room for at least 2048 increments.
      counter = (((bytes[6] ?? 0) << 8) | (bytes[7] ?? 0)) & 0x7ff;
    } else if (counter < MAX_COUNTER) {
      ms = lastMs;
      counter += 1;
    } else {
      ms = lastMs + 1;
      counter = 0;
    }
    lastMs = ms;

    // 48-bit timestamp, big-endian; division keeps it exact beyond 32 bits.
    const high = Math.floor(ms / 0x1_0000_0000);
    const low = ms >>> 0;
    bytes[0] = (high >>> 8) & 0xff;
    bytes[1] = high & 0xff;
    bytes[2] = (low >>> 24) & 0xff;
    bytes[3] = (low >>> 16) & 0xff;
    bytes[4] = (low >>> 8) & 0xff;
    bytes[5] = low & 0xff;
    bytes[6] = 0x70 | (counter >>> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
    return toHex(bytes);
  };
}
