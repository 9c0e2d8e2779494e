import type { Database } from "@chronicle/db";
import { sql } from "drizzle-orm";

/**
 * True for exactly one caller per database, ever: a lease that never expires. For work that
 * must happen once however many processes start together (the first-run demo traffic).
 */
export async function claimOnce(db: Database, name: string, holder: string): Promise<boolean> {
  const claimed = await db.rows<{ name: string }>(
    sql`insert into leases (name, holder, token, acquired_at, expires_at) values (${name}, ${holder}, 1, clock_timestamp(), 'infinity')
        on conflict (name) do nothing returning name`,
  );
  return claimed.length === 1;
}
