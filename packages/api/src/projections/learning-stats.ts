import { eventTypes } from "@chronicle/contracts";
import { dailyUserStats, topicDailyStats, weeklyUserStats, type Transaction } from "@chronicle/db";
import { sql } from "drizzle-orm";
import { tallyDailyActivity, type DailyActivityTally, type TopicMaterialsTally } from "../study/daily-activity-tally.ts";
import { earlierSessionEndSeconds } from "./earlier-session-end-seconds.ts";
import type { Projection } from "./projection.ts";

/**
 * Adds a batch to daily_user_stats and weekly_user_stats in one statement. A week's
 * active_days grows by one when this projection first counts an event on a day: its
 * daily row's events_count (a column only this projection writes) then equals what
 * this batch added. The attempts projection may have created the row earlier; that
 * does not count, so active days mean "days with any event".
 * Lock order (docs/aggregates.md, shared with question-attempts): daily rows, then weekly
 * rows (the weekly insert reads the daily ones), then topic_daily_stats, each in key order.
 */
async function addLearnerDays(tx: Transaction, days: readonly DailyActivityTally[]): Promise<void> {
  if (days.length === 0) return;
  const records = JSON.stringify(
    days.map((d) => ({
      user_id: d.userId,
      day: d.day,
      week_start: d.weekStart,
      study_seconds: d.studySeconds,
      sessions_started: d.sessionsStarted,
      materials_completed: d.materialsCompleted,
      xp_earned: d.xpEarned,
      events_count: d.eventsCount,
    })),
  );
  await tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${records}::jsonb) as r(
        user_id uuid, day date, week_start date, study_seconds int, sessions_started int, materials_completed int,
        xp_earned int, events_count int)),
    daily as (
      insert into daily_user_stats as d (user_id, day, study_seconds, sessions_started, materials_completed, xp_earned, events_count)
      select user_id, day, study_seconds, sessions_started, materials_completed, xp_earned, events_count from input
       order by user_id, day
      on conflict (user_id, day) do update set
        study_seconds = d.study_seconds + excluded.study_seconds,
        sessions_started = d.sessions_started + excluded.sessions_started,
        materials_completed = d.materials_completed + excluded.materials_completed,
        xp_earned = d.xp_earned + excluded.xp_earned,
        events_count = d.events_count + excluded.events_count
      returning d.user_id, d.day, d.events_count)
    insert into weekly_user_stats as w (user_id, week_start, study_seconds, sessions_started, materials_completed, xp_earned,
                                        events_count, active_days)
    select i.user_id, i.week_start, sum(i.study_seconds), sum(i.sessions_started), sum(i.materials_completed), sum(i.xp_earned),
           sum(i.events_count), count(*) filter (where daily.events_count = i.events_count)
      from input i join daily on daily.user_id = i.user_id and daily.day = i.day
     group by i.user_id, i.week_start order by i.user_id, i.week_start
    on conflict (user_id, week_start) do update set
      study_seconds = w.study_seconds + excluded.study_seconds,
      sessions_started = w.sessions_started + excluded.sessions_started,
      materials_completed = w.materials_completed + excluded.materials_completed,
      xp_earned = w.xp_earned + excluded.xp_earned,
      events_count = w.events_count + excluded.events_count,
      active_days = w.active_days + excluded.active_days`);
}

async function addTopicMaterials(tx: Transaction, topicDays: readonly TopicMaterialsTally[]): Promise<void> {
  if (topicDays.length === 0) return;
  const records = JSON.stringify(topicDays.map((t) => ({ topic_id: t.topicId, day: t.day, materials_completed: t.materialsCompleted })));
  await tx.execute(sql`
    insert into topic_daily_stats as t (topic_id, day, materials_completed)
    select topic_id, day, materials_completed
      from jsonb_to_recordset(${records}::jsonb) as r(topic_id uuid, day date, materials_completed int)
     order by topic_id, day
    on conflict (topic_id, day) do update set materials_completed = t.materials_completed + excluded.materials_completed`);
}

/**
 * Per-learner daily and weekly activity from every event of the learner (UTC days of
 * event_ts), and topic_daily_stats.materials_completed. Column owners: this projection
 * owns study_seconds, sessions_started, materials_completed, xp_earned, events_count
 * and active_days; question-attempts owns questions_attempted/correct and the topic
 * attempt columns. Every write is an increment, so the two commute.
 */
export const learningStatsProjection: Projection = {
  name: "learning-stats",
  eventTypes,
  tables: [dailyUserStats, weeklyUserStats, topicDailyStats],
  async apply(tx: Transaction, events) {
    const earlierEnds = await earlierSessionEndSeconds(tx, events.filter((e) => e.eventType === "session_end"));
    const { days, topicDays } = tallyDailyActivity(events, earlierEnds);
    await addLearnerDays(tx, days);
    await addTopicMaterials(tx, topicDays);
  },
};
