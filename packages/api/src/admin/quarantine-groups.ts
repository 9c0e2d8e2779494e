import { rejectionCodes, type AdminQuarantineOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { utcIso } from "../projections/sql-utc-iso.ts";

export const QUARANTINE_SAMPLES_PER_CODE = 3;
export const MAX_SAMPLE_RAW_CHARS = 1000;

type Group = AdminQuarantineOutput["groups"][number];
const allCodes = JSON.stringify(Object.keys(rejectionCodes));

/**
 * Rejected events of the window grouped by code, most frequent first, each with its newest
 * samples (raw JSON cut to MAX_SAMPLE_RAW_CHARS). Every part is a range on
 * quarantined_events_code_received_at_idx for one code.
 */
export async function readQuarantineGroups(executor: Executor, windowDays: number, limit: number, now: Date): Promise<AdminQuarantineOutput> {
  const since = new Date(now.getTime() - windowDays * 86_400_000).toISOString();
  const inWindow = sql`q.code = k.code and q.received_at >= ${since}::timestamptz`;
  const rows = await rowsOf<Omit<Group, "samples"> & { samples: Group["samples"] | string }>(
    executor,
    sql`select k.code, g.count, ${utcIso(sql`g.first_seen`)} as "firstSeen", ${utcIso(sql`g.last_seen`)} as "lastSeen", s.samples
          from jsonb_array_elements_text(${allCodes}::jsonb) as k(code)
          cross join lateral (select count(*)::int as count, min(q.received_at) as first_seen, max(q.received_at) as last_seen
                                from quarantined_events q where ${inWindow}) g
          cross join lateral (
            select coalesce(jsonb_agg(jsonb_build_object(
                     'receivedAt', ${utcIso(sql`x.received_at`)}, 'eventId', x.event_id::text, 'eventType', x.event_type,
                     'message', x.message, 'rawJson', left(x.raw_json::text, ${MAX_SAMPLE_RAW_CHARS}::int)) order by x.received_at desc), '[]'::jsonb) as samples
              from (select q.* from quarantined_events q where ${inWindow} order by q.received_at desc limit ${QUARANTINE_SAMPLES_PER_CODE}) x
          ) s
         where g.count > 0
         order by g.count desc, k.code
         limit ${limit}`,
  );
  return {
    windowStart: since,
    groups: rows.map((row) => ({ ...row, samples: typeof row.samples === "string" ? (JSON.parse(row.samples) as Group["samples"]) : row.samples })),
  };
}
