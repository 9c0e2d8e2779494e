/**
 * A circuit breaker in front of the database. While the database is unreachable, requests are
 * refused at once (503 + Retry-After) instead of each waiting on connect timeouts and the
 * driver's reconnects; a probe on a connection of its own runs in the background and lets
 * traffic back in (half-open) as soon as the database answers again.
 *
 * A probe "fails" only when it gets no answer AND the query pool heard nothing from the database
 * while it waited: a CPU-loaded process whose probe times out while other queries still come
 * back is slow, not cut off, and must not refuse traffic.
 *
 * closed ──availability failure confirmed by a probe──▶ open ──probe answers──▶ half-open
 *   ▲                                                      ▲                        │
 *   └────────────── a request or a second probe succeeds ──┼────────────────────────┤
 *                                                          └──── a failure ─────────┘
 */
export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  /** True when the database answers within the timeout; never throws (Database.probe). */
  probe: (timeoutMs: number) => Promise<boolean>;
  /** How long one probe may take before the database counts as unreachable. */
  probeTimeoutMs: number;
  /** How often an open breaker probes. */
  probeIntervalMs: number;
  /**
   * Work still running after this long, while the database has sent nothing for as long,
   * triggers a probe: a stalled network never fails by itself.
   */
  slowAfterMs: number;
  /**
   * performance.now() when the database last sent bytes to the query pool (Database.lastHeardAt);
   * without it the database always counts as silent and the probe alone decides.
   */
  lastHeardAt?: () => number;
  /** Told whenever the state changes (for the log). */
  onChange?: (state: BreakerState, reason: string) => void;
}

/** Refusal while the database is unreachable; mapped to 503 + Retry-After at the API edge. */
export class DatabaseUnavailableError extends Error {
  constructor(readonly detail: string) {
    super(`The database is unavailable: ${detail}.`);
    this.name = "DatabaseUnavailableError";
  }
}

export interface BreakerStatus {
  state: BreakerState;
  isAvailable: boolean;
  /** When the breaker last opened, ISO 8601, while it is not closed. */
  unavailableSince: string | null;
  /** Why it opened, while it is not closed. */
  reason: string | null;
}

export interface DatabaseBreaker {
  status(): BreakerStatus;
  /**
   * Runs `work` unless the breaker is open. Refuses with DatabaseUnavailableError when it is
   * open, when it opens while the work runs, or when the work is slow and a probe finds the
   * database unreachable; the work itself is left to finish or fail on its own.
   */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** A failure of availability class happened elsewhere: confirm with a probe, open if it fails. */
  reportUnavailable(reason: string): void;
  /** A request went through: a half-open breaker closes. */
  reportSuccess(): void;
  /** Whether the database answers now; instant while open, at most probeTimeoutMs otherwise. */
  check(): Promise<boolean>;
  stop(): void;
}

export function createDatabaseBreaker(options: BreakerOptions): DatabaseBreaker {
  let state: BreakerState = "closed";
  let unavailableSince: Date | null = null;
  let reason: string | null = null;
  let probing: Promise<boolean> | null = null;
  let loop: NodeJS.Timeout | null = null;
  let isStopped = false;
  /** Runs waiting on work in flight: refused together the moment the breaker opens. */
  const waiting = new Set<(error: DatabaseUnavailableError) => void>();

  const setState = (next: BreakerState, why: string) => {
    if (state === next) return;
    state = next;
    options.onChange?.(next, why);
  };

  const open = (why: string) => {
    if (state !== "open") {
      if (state === "closed") unavailableSince = new Date();
      reason = why;
      setState("open", why);
    }
    for (const refuse of waiting) refuse(new DatabaseUnavailableError(why));
    waiting.clear();
    scheduleProbe();
  };

  const close = (why: string) => {
    unavailableSince = null;
    reason = null;
    setState("closed", why);
  };

  const lastHeardAt = options.lastHeardAt ?? (() => Number.NEGATIVE_INFINITY);

  /**
   * One probe at a time: concurrent askers share its answer. Up when the probe answered, or when
   * the pool heard from the database while the probe waited (a slow process, not an outage).
   */
  const probeOnce = (): Promise<boolean> => {
    if (probing) return probing;
    const askedAt = performance.now();
    probing = options
      .probe(options.probeTimeoutMs)
      .then((isUp) => isUp || lastHeardAt() >= askedAt)
      .finally(() => {
        probing = null;
      });
    return probing;
  };

  function scheduleProbe() {
    if (loop || isStopped) return;
    loop = setTimeout(() => {
      loop = null;
      void probeOnce().then((isUp) => {
        if (isStopped) return;
        if (!isUp) {
          if (state !== "closed") open(reason ?? "the database did not answer a probe");
          return;
        }
        if (state === "open") setState("half-open", "a probe answered");
        else if (state === "half-open") close("a second probe answered");
        if (state !== "closed") scheduleProbe();
      });
    }, options.probeIntervalMs);
    loop.unref();
  }

  const confirmUnreachable = (why: string) => {
    void probeOnce().then((isUp) => {
      if (!isUp && !isStopped) open(why);
    });
  };

  return {
    status: () => ({
      state,
      isAvailable: state !== "open",
      unavailableSince: unavailableSince?.toISOString() ?? null,
      reason,
    }),

    run<T>(work: () => Promise<T>): Promise<T> {
      if (state === "open") return Promise.reject(new DatabaseUnavailableError(reason ?? "it does not answer"));
      return new Promise<T>((resolve, reject) => {
        let isSettled = false;
        let slowTimer: NodeJS.Timeout | undefined;
        const settle = (finish: () => void) => {
          if (isSettled) return;
          isSettled = true;
          clearTimeout(slowTimer);
          waiting.delete(refuse);
          finish();
        };
        const refuse = (error: DatabaseUnavailableError) => settle(() => reject(error));
        waiting.add(refuse);
        // Probes only once the work is slow and the database has been silent as long: under load
        // some query comes back every few milliseconds, on a stalled network none does.
        const watch = (delayMs: number) => {
          slowTimer = setTimeout(() => {
            if (isSettled) return;
            const silentForMs = performance.now() - lastHeardAt();
            if (silentForMs < options.slowAfterMs) return watch(options.slowAfterMs - silentForMs);
            void probeOnce().then((isUp) => {
              if (isSettled || isStopped) return;
              if (isUp) watch(options.slowAfterMs);
              else open(`it sent nothing while queries waited and did not answer a probe within ${options.probeTimeoutMs} ms`);
            });
          }, delayMs);
        };
        watch(options.slowAfterMs);
        let pending: Promise<T>;
        try {
          pending = work();
        } catch (error) {
          pending = Promise.reject(error);
        }
        pending.then(
          (value) => settle(() => resolve(value)),
          (error: unknown) => settle(() => reject(error)),
        );
      });
    },

    reportUnavailable(why) {
      if (state === "closed") confirmUnreachable(why);
      else open(why);
    },

    reportSuccess() {
      if (state === "half-open") close("a request succeeded");
    },

    async check() {
      if (state === "open") return false;
      const isUp = await probeOnce();
      if (!isUp) open(`it did not answer a probe within ${options.probeTimeoutMs} ms`);
      return isUp;
    },

    stop() {
      isStopped = true;
      if (loop) clearTimeout(loop);
      loop = null;
    },
  };
}
