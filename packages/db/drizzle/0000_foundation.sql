CREATE TABLE "counter_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "counter_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"viewer_id" uuid NOT NULL,
	"event" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_version" integer NOT NULL,
	"event_type" text NOT NULL,
	"family" text NOT NULL,
	"event_ts" timestamp with time zone NOT NULL,
	"client_ts" timestamp with time zone,
	"seq" integer,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"question_id" uuid,
	"source" text,
	"payload_json" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"ingest_seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "events_ingest_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"batch_id" uuid,
	CONSTRAINT "events_ingest_seq_unique" UNIQUE("ingest_seq")
);
--> statement-breakpoint
CREATE TABLE "ingest_batches" (
	"batch_id" uuid PRIMARY KEY NOT NULL,
	"client_batch_id" text,
	"user_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"source" text,
	"client_version" text,
	"item_count" integer NOT NULL,
	"success_count" integer NOT NULL,
	"duplicate_count" integer NOT NULL,
	"failure_count" integer NOT NULL,
	"conflict_count" integer NOT NULL,
	"start_time" timestamp with time zone NOT NULL,
	"end_time" timestamp with time zone DEFAULT now() NOT NULL,
	"duration_ms" integer NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "purge_audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "purge_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"reason" text NOT NULL,
	"user_id" uuid,
	"family" text,
	"cutoff" timestamp with time zone,
	"events_deleted" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarantined_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quarantined_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"batch_id" uuid,
	"user_id" uuid,
	"event_id" uuid,
	"event_type" text,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"issues" jsonb NOT NULL,
	"raw_json" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learners" (
	"id" uuid PRIMARY KEY NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"family" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_session_questions" (
	"session_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"question_id" uuid NOT NULL,
	CONSTRAINT "test_session_questions_session_id_position_pk" PRIMARY KEY("session_id","position"),
	CONSTRAINT "test_session_questions_session_question_uq" UNIQUE("session_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "test_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"question_count" integer NOT NULL,
	"time_limit_seconds" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submit_reason" text
);
--> statement-breakpoint
ALTER TABLE "test_session_questions" ADD CONSTRAINT "test_session_questions_session_id_test_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."test_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_sessions" ADD CONSTRAINT "test_sessions_id_sessions_id_fk" FOREIGN KEY ("id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "counter_events_viewer_event_created_idx" ON "counter_events" USING btree ("viewer_id","event","created_at");--> statement-breakpoint
CREATE INDEX "events_session_id_event_ts_idx" ON "events" USING btree ("session_id","event_ts");--> statement-breakpoint
CREATE INDEX "events_user_id_event_ts_idx" ON "events" USING btree ("user_id","event_ts");--> statement-breakpoint
CREATE INDEX "events_event_type_event_ts_idx" ON "events" USING btree ("event_type","event_ts");--> statement-breakpoint
CREATE INDEX "events_session_id_seq_idx" ON "events" USING btree ("session_id","seq");--> statement-breakpoint
CREATE INDEX "events_family_event_ts_idx" ON "events" USING btree ("family","event_ts");--> statement-breakpoint
CREATE INDEX "ingest_batches_start_time_idx" ON "ingest_batches" USING btree ("start_time");--> statement-breakpoint
CREATE INDEX "ingest_batches_user_id_start_time_idx" ON "ingest_batches" USING btree ("user_id","start_time");--> statement-breakpoint
CREATE INDEX "quarantined_events_code_received_at_idx" ON "quarantined_events" USING btree ("code","received_at");--> statement-breakpoint
CREATE INDEX "quarantined_events_user_id_idx" ON "quarantined_events" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_id_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "test_sessions_user_id_idx" ON "test_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "test_sessions_status_expires_at_idx" ON "test_sessions" USING btree ("status","expires_at");