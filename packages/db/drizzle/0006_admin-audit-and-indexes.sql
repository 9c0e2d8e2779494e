CREATE TABLE "answer_change_stats" (
	"question_id" uuid PRIMARY KEY NOT NULL,
	"right_to_wrong" integer DEFAULT 0 NOT NULL,
	"wrong_to_right" integer DEFAULT 0 NOT NULL,
	"other" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "admin_audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"admin_user_id" uuid NOT NULL,
	"procedure" text NOT NULL,
	"call_type" text NOT NULL,
	"input_json" jsonb,
	"outcome" text NOT NULL,
	"error_code" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ingest_store_failures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ingest_store_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"batch_id" uuid NOT NULL,
	"endpoint" text NOT NULL,
	"event_count" integer NOT NULL,
	"failed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ingest_store_failures_batch_id_unique" UNIQUE("batch_id")
);
--> statement-breakpoint
CREATE INDEX "admin_audit_log_at_idx" ON "admin_audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "admin_audit_log_admin_user_id_at_idx" ON "admin_audit_log" USING btree ("admin_user_id","at");--> statement-breakpoint
CREATE INDEX "ingest_store_failures_failed_at_idx" ON "ingest_store_failures" USING btree ("failed_at");--> statement-breakpoint
CREATE INDEX "counter_events_event_created_idx" ON "counter_events" USING btree ("event","created_at");--> statement-breakpoint
CREATE INDEX "events_event_ts_ingest_seq_idx" ON "events" USING btree ("event_ts","ingest_seq");--> statement-breakpoint
CREATE INDEX "test_session_results_user_id_created_at_idx" ON "test_session_results" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "behavioral_features_created_at_idx" ON "behavioral_features" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "question_attempts_topic_first_attempt_idx" ON "question_attempts" USING btree ("topic_id","question_id","is_correct") WHERE is_first_attempt;