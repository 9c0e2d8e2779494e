/**
 * How long to wait, in milliseconds, as a `Retry-After` header asks: either delay-seconds
 * or an HTTP date (RFC 9110 §10.2.3). Null when the header is missing or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Exponential backoff with full jitter: a uniform delay in [0, base × 2^attempt), so clients
 * that failed together do not come back together. `attempt` counts retries from 0.
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * baseMs * 2 ** attempt);
}

/** The server's Retry-After wins over our own backoff; it knows when it will be ready. */
export function retryDelay(attempt: number, baseMs: number, retryAfter: string | null, random?: () => number): number {
  return parseRetryAfter(retryAfter) ?? backoffDelay(attempt, baseMs, random);
}
