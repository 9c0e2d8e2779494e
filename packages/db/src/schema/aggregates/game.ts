import { index, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/** Seed 003's game_sessions, kept by the game-sessions projection. */
export const gameSessions = pgTable(
  "game_sessions",
  {
    id: uuid("id").primaryKey(),
    studentId: uuid("student_id").notNull(),
    startedAt: ts("started_at").notNull(),
    endedAt: ts("ended_at"),
    missionId: text("mission_id"),
    gameVersion: text("game_version").notNull(),
    eventsCount: integer("events_count").notNull().default(0),
  },
  (t) => [index("game_sessions_student_id_started_at_idx").on(t.studentId, t.startedAt)],
);

/** Seed 003's behavioral_features, computed when a game session is closed. */
export const behavioralFeatures = pgTable(
  "behavioral_features",
  {
    sessionId: uuid("session_id").primaryKey(),
    studentId: uuid("student_id").notNull(),
    taskCompletionRate: real("task_completion_rate").notNull().default(0),
    timeEfficiency: real("time_efficiency").notNull().default(0),
    retryCount: integer("retry_count").notNull().default(0),
    recoveryRate: real("recovery_rate").notNull().default(0),
    distractionResistance: real("distraction_resistance").notNull().default(0),
    focusDuration: real("focus_duration").notNull().default(0),
    collaborationIndicators: integer("collaboration_indicators").notNull().default(0),
    leadershipIndicators: integer("leadership_indicators").notNull().default(0),
    featuresJson: jsonb("features_json").$type<Record<string, unknown>>().notNull(),
    /** The close event's event_ts, never the wall clock, so a rebuild writes the same row. */
    createdAt: ts("created_at").notNull(),
  },
  (t) => [
    index("behavioral_features_student_id_idx").on(t.studentId),
    // The admin game view reads features of every student in a time window.
    index("behavioral_features_created_at_idx").on(t.createdAt),
  ],
);
