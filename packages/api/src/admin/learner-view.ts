import type { AdminLearnerOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { utcIso } from "../projections/sql-utc-iso.ts";
import { readLearnerPerformance } from "./learner-performance.ts";

export const LEARNER_DAILY_DAYS = 30;
export const LEARNER_WEEKLY_WEEKS = 12;
export const LEARNER_RECENT_SESSIONS = 20;

const activity = sql`questions_attempted as "questionsAttempted", questions_correct as "questionsCorrect", study_seconds as "studySeconds",
  sessions_started as "sessionsStarted", materials_completed as "materialsCompleted", xp_earned as "xpEarned", events_count as "eventsCount"`;

const utcDayOffset = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Everything the admin app shows about one learner, read from the aggregates only, each
 * by its primary key or (user_id, time) index: daily/weekly stats, gamification, mastery,
 * knowledge gaps, and the newest exam, study and game sessions merged.
 */
export async function readLearnerView(executor: Executor, userId: string, now: Date): Promise<Omit<AdminLearnerOutput, "watermark">> {
  const user = sql`${userId}::uuid`;
  const [daily, weekly, gamification, mastery, gaps, recent, performance] = await Promise.all([
    rowsOf<AdminLearnerOutput["daily"][number]>(
      executor,
      sql`select day::text as day, ${activity} from daily_user_stats
           where user_id = ${user} and day >= ${utcDayOffset(now, LEARNER_DAILY_DAYS - 1)}::date order by day`,
    ),
    rowsOf<AdminLearnerOutput["weekly"][number]>(
      executor,
      sql`select week_start::text as "weekStart", active_days as "activeDays", ${activity} from weekly_user_stats
           where user_id = ${user} and week_start >= ${utcDayOffset(now, LEARNER_WEEKLY_WEEKS * 7)}::date order by week_start`,
    ),
    rowsOf<NonNullable<AdminLearnerOutput["gamification"]> & { achievements: string[] | string }>(
      executor,
      sql`select total_xp as "totalXp", level, current_streak as "currentStreak", longest_streak as "longestStreak",
                 last_checkin_day::text as "lastCheckinDay", achievements
            from user_gamification where user_id = ${user}`,
    ),
    rowsOf<AdminLearnerOutput["mastery"][number]>(
      executor,
      // Topic names: the bank's, else a registered study topic's (study.registerCatalog).
      sql`select m.topic_id::text as "topicId", coalesce(t.name, st.name) as "topicName", m.mastery_score::float8 as "masteryScore",
                 m.questions_attempted as "questionsAttempted", m.questions_correct as "questionsCorrect",
                 ${utcIso(sql`m.last_attempt_at`)} as "lastAttemptAt"
            from topic_mastery m left join topics t on t.id = m.topic_id left join study_topics st on st.id = m.topic_id
           where m.user_id = ${user} order by m.mastery_score, m.topic_id`,
    ),
    rowsOf<AdminLearnerOutput["knowledgeGaps"][number]>(
      executor,
      sql`select g.topic_id::text as "topicId", coalesce(t.name, st.name) as "topicName", g.gap_score::float8 as "gapScore", g.reason,
                 ${utcIso(sql`g.computed_at`)} as "computedAt"
            from knowledge_gaps g left join topics t on t.id = g.topic_id left join study_topics st on st.id = g.topic_id
           where g.user_id = ${user} order by g.gap_score desc, g.topic_id`,
    ),
    rowsOf<AdminLearnerOutput["recentSessions"][number]>(
      executor,
      sql`select kind, "sessionId", ${utcIso(sql`started`)} as "startedAt", ${utcIso(sql`ended`)} as "endedAt", summary from (
            (select 'exam' as kind, session_id::text as "sessionId", created_at as started, submitted_at as ended,
                    concat(coalesce(mode, 'exam'), ': ', correct_count, '/', question_count, ' correct',
                           case when submitted_at is null then ', not submitted' else concat(' (', score_percent, '%)') end) as summary
               from test_session_results where user_id = ${user} and created_at is not null
              order by created_at desc limit ${LEARNER_RECENT_SESSIONS})
            union all
            (select 'study', id::text, started_at, ended_at,
                    concat('study: ', duration_seconds, ' s, ', questions_correct, '/', questions_attempted, ' correct, ', materials_completed, ' materials completed')
               from study_sessions where user_id = ${user}
              order by started_at desc limit ${LEARNER_RECENT_SESSIONS})
            union all
            (select 'game', id::text, started_at, ended_at,
                    concat('game: ', coalesce('mission ' || mission_id, 'no mission'), ', ', events_count, ' events')
               from game_sessions where student_id = ${user}
              order by started_at desc limit ${LEARNER_RECENT_SESSIONS})
          ) s order by started desc, "sessionId" limit ${LEARNER_RECENT_SESSIONS}`,
    ),
    readLearnerPerformance(executor, userId),
  ]);
  const profile = gamification[0];
  return {
    userId,
    daily,
    weekly,
    gamification: profile
      ? { ...profile, achievements: typeof profile.achievements === "string" ? (JSON.parse(profile.achievements) as string[]) : profile.achievements }
      : null,
    mastery,
    knowledgeGaps: gaps,
    recentSessions: recent,
    performance,
  };
}
