import type { FetchFn } from "@chronicle/client/telemetry";

export interface OutagePatience {
  /** How long one request keeps trying while the server is unreachable or answers 502–504. */
  patienceMs: number;
  /** The pause between tries. */
  pollMs: number;
  fetch?: FetchFn;
}

function isOutageStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A fetch for the telemetry SDK that holds a request through a server outage instead of
 * failing it at once. The SDK gives a batch up after two quick retries (seed 000), which a
 * restart or a short outage outlasts; held here, the batch arrives once the server is back
 * and the SDK keeps later events queued behind it in order. Keepalive requests, sent while the
 * page goes away, are never held: the page would be gone before they finished.
 */
export function fetchWaitingOutOutages(options: OutagePatience): FetchFn {
  const fetchOnce: FetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return async (input, init) => {
    if (init.keepalive) return fetchOnce(input, init);
    const giveUpAt = Date.now() + options.patienceMs;
    for (;;) {
      try {
        const response = await fetchOnce(input, init);
        if (!isOutageStatus(response.status) || Date.now() >= giveUpAt) return response;
      } catch (error) {
        if (Date.now() >= giveUpAt) throw error;
      }
      await sleep(options.pollMs);
    }
  };
}
