import type { ClientBehaviour, ClientBehaviourFigures, ClientMetricCount } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

type Sums = Record<"clients" | ClientMetricCount, number>;

function ratio(part: number, whole: number, scale: number): number | null {
  return whole > 0 ? Math.round((part / whole) * scale * 1000) / 1000 : null;
}

function figuresOf(source: string, sums: Sums): ClientBehaviourFigures {
  return {
    source,
    clientMinutes: sums.clients,
    flushes: sums.flushes,
    requests: sums.requests,
    retries: sums.retries,
    events: sums.events,
    rejected: sums.rejected,
    dropped: sums.dropped,
    retryRate: ratio(sums.retries, sums.requests, 100),
    queueOverflowRate: ratio(sums.dropped, sums.events + sums.dropped, 100),
    rejectionRate: ratio(sums.rejected, sums.events, 100),
    flushesPerClientMinute: ratio(sums.flushes, sums.clients, 1),
  };
}

/**
 * Seed 000's client behaviour over the minutes that start in [since, until), from the sums the
 * API processes wrote to client_metrics (its primary key starts with the minute).
 */
export async function readClientBehaviour(executor: Executor, since: Date, until: Date): Promise<ClientBehaviour> {
  const rows = await rowsOf<{ source: string } & Sums>(
    executor,
    sql`select source, sum(clients)::float8 as clients, sum(flushes)::float8 as flushes, sum(requests)::float8 as requests,
               sum(retries)::float8 as retries, sum(events)::float8 as events, sum(rejected)::float8 as rejected, sum(dropped)::float8 as dropped
          from client_metrics
         where minute >= date_trunc('minute', ${since.toISOString()}::timestamptz) and minute < ${until.toISOString()}::timestamptz
         group by source
         order by source`,
  );
  const total: Sums = { clients: 0, flushes: 0, requests: 0, retries: 0, events: 0, rejected: 0, dropped: 0 };
  const bySource = rows.map((row) => {
    const sums = Object.fromEntries(Object.keys(total).map((key) => [key, Number(row[key as keyof Sums])])) as Sums;
    for (const key of Object.keys(total) as (keyof Sums)[]) total[key] += sums[key];
    return figuresOf(row.source, sums);
  });
  return { total: figuresOf("all", total), bySource };
}
