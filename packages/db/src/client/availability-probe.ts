import postgres from "postgres";

export interface AvailabilityProbe {
  /** True when PostgreSQL answers `select 1` within `timeoutMs`. Never throws. */
  probe(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Asks PostgreSQL whether it answers, on one connection of its own: a pool whose connections
 * are all busy with slow but healthy queries is not an outage, and a pool stuck on a stalled
 * network must not hide one. A probe that times out discards its connection, since a stalled
 * socket may never answer again.
 */
export function createPostgresProbe(url: string): AvailabilityProbe {
  let client: postgres.Sql | null = null;

  const discard = (stale: postgres.Sql) => {
    if (client === stale) client = null;
    stale.end({ timeout: 0 }).catch(() => {});
  };

  return {
    async probe(timeoutMs) {
      const current = (client ??= postgres(url, {
        max: 1,
        onnotice: () => {},
        // The probe's own timer decides (below); the driver's connect timer only backs it up.
        connect_timeout: (2 * timeoutMs) / 1000,
        idle_timeout: 60,
        connection: { application_name: "chronicle-probe", statement_timeout: timeoutMs },
      }));
      let timer: NodeJS.Timeout | undefined;
      // Timers run before pending socket reads in an event-loop turn: on a CPU-loaded process the
      // timer can fire late in the same turn as the answer that came in time. setImmediate runs
      // after that turn's reads, so an answer already received wins the race.
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => setImmediate(() => resolve(false)), timeoutMs);
      });
      const answered = current`select 1`.then(
        () => true,
        () => false,
      );
      const isUp = await Promise.race([answered, timedOut]);
      clearTimeout(timer);
      if (!isUp) discard(current);
      return isUp;
    },
    async close() {
      const current = client;
      client = null;
      await current?.end({ timeout: 1 }).catch(() => {});
    },
  };
}
