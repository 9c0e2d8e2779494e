ALTER TABLE "sync_assessments" ADD COLUMN "client_updated_at" timestamp with time zone NOT NULL;--> statement-breakpoint
CREATE INDEX "behavioral_features_student_id_idx" ON "behavioral_features" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "game_sessions_student_id_started_at_idx" ON "game_sessions" USING btree ("student_id","started_at");