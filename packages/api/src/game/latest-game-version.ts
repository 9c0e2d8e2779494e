import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

/** The game_version of the session's latest game event, which the close event repeats. */
export async function latestGameVersion(executor: Executor, sessionId: string): Promise<string | null> {
  const [row] = await rowsOf<{ game_version: string | null }>(
    executor,
    sql`select payload_json->>'game_version' as game_version
          from events
         where session_id = ${sessionId}::uuid and family = 'game'
         order by tx_id desc, ingest_seq desc
         limit 1`,
  );
  return row?.game_version ?? null;
}
