import type { AdminGameOutput } from "@chronicle/contracts";
import { rowsOf, type Executor } from "@chronicle/db";
import { sql, type SQL } from "drizzle-orm";
import { utcIso } from "../projections/sql-utc-iso.ts";

export interface GameViewRequest {
  studentId?: string;
  sessionId?: string;
  from?: string;
  to?: string;
  now: Date;
}

export const GAME_DEFAULT_WINDOW_DAYS = 30;
export const GAME_MAX_SESSIONS = 200;

const featureColumns = [
  "task_completion_rate",
  "time_efficiency",
  "retry_count",
  "recovery_rate",
  "distraction_resistance",
  "focus_duration",
  "collaboration_indicators",
  "leadership_indicators",
] as const;

const featuresObject = sql.raw(`jsonb_build_object(${featureColumns.map((c) => `'${c}', ${c}`).join(", ")})`);
const averagesObject = sql.raw(`jsonb_build_object(${featureColumns.map((c) => `'${c}', avg(${c})::float8`).join(", ")})`);

type Features = AdminGameOutput["sessions"][number]["features"];
type Averages = AdminGameOutput["students"][number]["averages"];
const parsed = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/**
 * Seed 003's behavioural features for staff: per closed session, averaged per student and per
 * UTC day. A session id reads the primary key, a student behavioral_features_student_id_idx, and
 * otherwise the time window (default: the last 30 days) behavioral_features_created_at_idx.
 */
export async function readGameView(executor: Executor, request: GameViewRequest): Promise<Omit<AdminGameOutput, "watermark">> {
  const windowEnd = request.to ?? request.now.toISOString();
  const windowStart = request.from ?? new Date(Date.parse(windowEnd) - GAME_DEFAULT_WINDOW_DAYS * 86_400_000).toISOString();
  const filters: SQL[] = [sql`created_at >= ${windowStart}::timestamptz`, sql`created_at < ${windowEnd}::timestamptz`];
  if (request.sessionId) filters.push(sql`session_id = ${request.sessionId}::uuid`);
  if (request.studentId) filters.push(sql`student_id = ${request.studentId}::uuid`);
  const where = sql.join(filters, sql` and `);
  const [sessions, students, trend] = await Promise.all([
    rowsOf<{ sessionId: string; studentId: string; closedAt: string; features: Features | string }>(
      executor,
      sql`select session_id::text as "sessionId", student_id::text as "studentId", ${utcIso(sql`created_at`)} as "closedAt", ${featuresObject} as features
            from behavioral_features where ${where} order by created_at desc, session_id limit ${GAME_MAX_SESSIONS + 1}`,
    ),
    rowsOf<{ studentId: string; sessions: number; averages: Averages | string }>(
      executor,
      sql`select student_id::text as "studentId", count(*)::int as sessions, ${averagesObject} as averages
            from behavioral_features where ${where} group by student_id order by student_id`,
    ),
    rowsOf<{ day: string; sessions: number; averages: Averages | string }>(
      executor,
      sql`select (created_at at time zone 'UTC')::date::text as day, count(*)::int as sessions, ${averagesObject} as averages
            from behavioral_features where ${where} group by 1 order by 1`,
    ),
  ]);
  return {
    windowStart: new Date(windowStart).toISOString(),
    windowEnd: new Date(windowEnd).toISOString(),
    sessions: sessions.slice(0, GAME_MAX_SESSIONS).map((row) => ({ ...row, features: parsed(row.features) })),
    sessionsTruncated: sessions.length > GAME_MAX_SESSIONS,
    students: students.map((row) => ({ ...row, averages: parsed(row.averages) })),
    trend: trend.map((row) => ({ ...row, averages: parsed(row.averages) })),
  };
}
