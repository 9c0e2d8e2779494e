CREATE TABLE "counter_daily_totals" (
	"viewer_id" uuid NOT NULL,
	"event" text NOT NULL,
	"day" date NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "counter_daily_totals_viewer_id_event_day_pk" PRIMARY KEY("viewer_id","event","day")
);
--> statement-breakpoint
CREATE TABLE "test_session_results" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"mode" text,
	"question_count" integer DEFAULT 0 NOT NULL,
	"answered_count" integer DEFAULT 0 NOT NULL,
	"correct_count" integer DEFAULT 0 NOT NULL,
	"score_percent" real,
	"answer_changes" integer DEFAULT 0 NOT NULL,
	"marked_count" integer DEFAULT 0 NOT NULL,
	"blur_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submit_reason" text,
	"review_opened_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "behavioral_features" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"student_id" uuid NOT NULL,
	"task_completion_rate" real DEFAULT 0 NOT NULL,
	"time_efficiency" real DEFAULT 0 NOT NULL,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"recovery_rate" real DEFAULT 0 NOT NULL,
	"distraction_resistance" real DEFAULT 0 NOT NULL,
	"focus_duration" real DEFAULT 0 NOT NULL,
	"collaboration_indicators" integer DEFAULT 0 NOT NULL,
	"leadership_indicators" integer DEFAULT 0 NOT NULL,
	"features_json" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "game_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"student_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"mission_id" text,
	"game_version" text NOT NULL,
	"events_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_gamification" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"total_xp" integer DEFAULT 0 NOT NULL,
	"level" integer DEFAULT 1 NOT NULL,
	"current_streak" integer DEFAULT 0 NOT NULL,
	"longest_streak" integer DEFAULT 0 NOT NULL,
	"last_checkin_day" date,
	"achievements" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_gaps" (
	"user_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"gap_score" real NOT NULL,
	"reason" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_gaps_user_id_topic_id_pk" PRIMARY KEY("user_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "topic_mastery" (
	"user_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"questions_attempted" integer DEFAULT 0 NOT NULL,
	"questions_correct" integer DEFAULT 0 NOT NULL,
	"first_attempts" integer DEFAULT 0 NOT NULL,
	"first_attempts_correct" integer DEFAULT 0 NOT NULL,
	"weighted_correct" real DEFAULT 0 NOT NULL,
	"weighted_total" real DEFAULT 0 NOT NULL,
	"mastery_score" real DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	CONSTRAINT "topic_mastery_user_id_topic_id_pk" PRIMARY KEY("user_id","topic_id")
);
--> statement-breakpoint
CREATE TABLE "daily_user_stats" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"questions_attempted" integer DEFAULT 0 NOT NULL,
	"questions_correct" integer DEFAULT 0 NOT NULL,
	"study_seconds" integer DEFAULT 0 NOT NULL,
	"sessions_started" integer DEFAULT 0 NOT NULL,
	"materials_completed" integer DEFAULT 0 NOT NULL,
	"xp_earned" integer DEFAULT 0 NOT NULL,
	"events_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_user_stats_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "topic_daily_stats" (
	"topic_id" uuid NOT NULL,
	"day" date NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"correct" integer DEFAULT 0 NOT NULL,
	"first_attempts" integer DEFAULT 0 NOT NULL,
	"first_attempts_correct" integer DEFAULT 0 NOT NULL,
	"materials_completed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "topic_daily_stats_topic_id_day_pk" PRIMARY KEY("topic_id","day")
);
--> statement-breakpoint
CREATE TABLE "weekly_user_stats" (
	"user_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"questions_attempted" integer DEFAULT 0 NOT NULL,
	"questions_correct" integer DEFAULT 0 NOT NULL,
	"study_seconds" integer DEFAULT 0 NOT NULL,
	"active_days" integer DEFAULT 0 NOT NULL,
	"xp_earned" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "weekly_user_stats_user_id_week_start_pk" PRIMARY KEY("user_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "material_interactions" (
	"session_id" uuid NOT NULL,
	"material_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"topic_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer DEFAULT 0 NOT NULL,
	"scroll_depth_percent" integer DEFAULT 0 NOT NULL,
	"is_complete" boolean DEFAULT false NOT NULL,
	"highlights_count" integer DEFAULT 0 NOT NULL,
	"notes_count" integer DEFAULT 0 NOT NULL,
	"bookmarked" boolean DEFAULT false NOT NULL,
	CONSTRAINT "material_interactions_session_id_material_id_pk" PRIMARY KEY("session_id","material_id")
);
--> statement-breakpoint
CREATE TABLE "question_attempts" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"topic_id" uuid,
	"attempted_at" timestamp with time zone NOT NULL,
	"time_to_answer_seconds" real,
	"is_correct" boolean NOT NULL,
	"confidence_level" integer,
	"selected_answer" text,
	"correct_answer" text,
	"is_first_attempt" boolean NOT NULL,
	"attempt_number" integer NOT NULL,
	"days_since_last_attempt" integer,
	"hint_used" boolean DEFAULT false NOT NULL,
	"explanation_viewed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"is_active" boolean DEFAULT true NOT NULL,
	"duration_seconds" integer DEFAULT 0 NOT NULL,
	"active_seconds" integer DEFAULT 0 NOT NULL,
	"pause_count" integer DEFAULT 0 NOT NULL,
	"materials_viewed" integer DEFAULT 0 NOT NULL,
	"materials_completed" integer DEFAULT 0 NOT NULL,
	"chunks_read" integer DEFAULT 0 NOT NULL,
	"questions_attempted" integer DEFAULT 0 NOT NULL,
	"questions_correct" integer DEFAULT 0 NOT NULL,
	"ai_interactions" integer DEFAULT 0 NOT NULL,
	"xp_earned" integer DEFAULT 0 NOT NULL,
	"achievements_unlocked" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projection_checkpoints" (
	"name" text PRIMARY KEY NOT NULL,
	"last_tx_id" bigint DEFAULT 0 NOT NULL,
	"last_ingest_seq" bigint DEFAULT 0 NOT NULL,
	"events_applied" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic_id" uuid NOT NULL,
	"stem" text NOT NULL,
	"options" jsonb NOT NULL,
	"correct_index" integer NOT NULL,
	"explanation" text NOT NULL,
	"difficulty" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	CONSTRAINT "topics_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "sync_assessments" (
	"user_id" uuid NOT NULL,
	"assessment_id" text NOT NULL,
	"score" real NOT NULL,
	"max_score" real NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"server_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_assessments_user_id_assessment_id_pk" PRIMARY KEY("user_id","assessment_id")
);
--> statement-breakpoint
CREATE TABLE "sync_progress" (
	"user_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"progress" real NOT NULL,
	"client_updated_at" timestamp with time zone NOT NULL,
	"server_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_progress_user_id_entity_type_entity_id_pk" PRIMARY KEY("user_id","entity_type","entity_id")
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "tx_id" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL;--> statement-breakpoint
ALTER TABLE "test_session_questions" ADD COLUMN "selected_index" integer;--> statement-breakpoint
ALTER TABLE "test_session_questions" ADD COLUMN "is_marked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "test_sessions" ADD COLUMN "filters" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "topic_mastery_topic_idx" ON "topic_mastery" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "material_interactions_user_id_idx" ON "material_interactions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "question_attempts_user_question_idx" ON "question_attempts" USING btree ("user_id","question_id","attempted_at");--> statement-breakpoint
CREATE INDEX "question_attempts_topic_idx" ON "question_attempts" USING btree ("topic_id","attempted_at");--> statement-breakpoint
CREATE INDEX "study_sessions_user_id_started_at_idx" ON "study_sessions" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "questions_topic_id_idx" ON "questions" USING btree ("topic_id");--> statement-breakpoint
CREATE INDEX "events_tx_id_ingest_seq_idx" ON "events" USING btree ("tx_id","ingest_seq");