import type { SessionTopic } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";

/** The bank's topics by name, each with its question count, for the player's topic filter. */
export async function listTopics(executor: Executor): Promise<SessionTopic[]> {
  return rowsOf<SessionTopic>(
    executor,
    sql`select t.id::text as id, t.slug, t.name, t.description, count(q.id)::int as "questionCount"
          from topics t left join questions q on q.topic_id = t.id
         group by t.id, t.slug, t.name, t.description
         order by t.name`,
  );
}
