import { sql, type SQL } from "drizzle-orm";

/**
 * A timestamptz as an ISO-8601 UTC string with milliseconds, like `Date#toISOString`.
 * Formatting in SQL gives the same text on PGlite and postgres.js, which parse timestamps differently.
 */
export function isoTimestamp(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
