import type { AdminLearnersOutput, adminLearnerSorts } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql, type SQL } from "drizzle-orm";
import { isoTimestamp } from "../exam/iso-timestamp.ts";
import { learnerLabel } from "./learner-label.ts";

export interface ListLearnersOptions {
  search?: string | undefined;
  sort: (typeof adminLearnerSorts)[number];
  page: number;
  pageSize: number;
}

interface LearnerRow {
  userId: string;
  displayName: string | null;
  lastActivityAt: string | null;
  sessions: number;
  totalXp: number;
  level: number;
  mastery: number | null;
  total: number;
}

// Every sort is descending (most recent, most active first), with the id as the tie-break so pages never overlap.
const orderBy: Record<ListLearnersOptions["sort"], SQL> = {
  lastActivity: sql`s.last_at desc nulls last`,
  sessions: sql`coalesce(s.sessions, 0) desc`,
  xp: sql`coalesce(g.total_xp, 0) desc`,
  mastery: sql`m.mastery desc nulls last`,
};

/** `%` and `_` typed by staff are letters, not wildcards. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** An id prefix when it looks like one (hex and dashes), and part of a display name in any case. */
function searchFilter(search: string | undefined): SQL {
  const text = search?.trim();
  if (!text) return sql`true`;
  const byName = sql`n.display_name ilike ${`%${likeLiteral(text)}%`}`;
  if (!/^[0-9a-f-]+$/i.test(text)) return byName;
  return sql`(p.user_id::text like ${`${likeLiteral(text.toLowerCase())}%`} or ${byName})`;
}

/**
 * The learner directory: everyone who has a session, gamification or a registered name, with their
 * latest session start, session count, XP and mean mastery, one sorted page at a time.
 */
export async function listLearners(executor: Executor, options: ListLearnersOptions): Promise<Omit<AdminLearnersOutput, "watermark">> {
  const rows = await rowsOf<LearnerRow>(
    executor,
    sql`with people as (
              select user_id from sessions
              union select user_id from user_gamification
              union select user_id from learner_display_names
            ),
            s as (select user_id, count(*)::int as sessions, max(created_at) as last_at from sessions group by user_id),
            m as (select user_id, avg(mastery_score)::float8 as mastery from topic_mastery group by user_id)
        select p.user_id::text as "userId", n.display_name as "displayName",
               ${isoTimestamp(sql`s.last_at`)} as "lastActivityAt",
               coalesce(s.sessions, 0)::int as sessions, coalesce(g.total_xp, 0)::int as "totalXp", coalesce(g.level, 1)::int as level,
               m.mastery, (count(*) over ())::int as total
          from people p
          left join s on s.user_id = p.user_id
          left join m on m.user_id = p.user_id
          left join user_gamification g on g.user_id = p.user_id
          left join learner_display_names n on n.user_id = p.user_id
         where ${searchFilter(options.search)}
         order by ${orderBy[options.sort]}, p.user_id
         limit ${options.pageSize} offset ${(options.page - 1) * options.pageSize}`,
  );
  return {
    learners: rows.map((row) => ({
      ...learnerLabel(row.userId, row.displayName),
      lastActivityAt: row.lastActivityAt,
      sessions: row.sessions,
      totalXp: row.totalXp,
      level: row.level,
      masteryPercent: row.mastery === null ? null : Math.round(Number(row.mastery) * 10_000) / 100,
    })),
    total: rows[0]?.total ?? (options.page > 1 ? await countLearners(executor, options.search) : 0),
    page: options.page,
    pageSize: options.pageSize,
  };
}

/** Only needed past the last page, where the window count has no row to ride on. */
async function countLearners(executor: Executor, search: string | undefined): Promise<number> {
  const [row] = await rowsOf<{ total: number }>(
    executor,
    sql`with people as (select user_id from sessions union select user_id from user_gamification union select user_id from learner_display_names)
        select count(*)::int as total from people p left join learner_display_names n on n.user_id = p.user_id where ${searchFilter(search)}`,
  );
  return row?.total ?? 0;
}
