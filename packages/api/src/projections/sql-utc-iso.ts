import { sql, type SQL } from "drizzle-orm";

/** A timestamptz as the same ISO-8601 UTC text read-log gives event_ts, identical on both drivers. */
export function utcIso(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
