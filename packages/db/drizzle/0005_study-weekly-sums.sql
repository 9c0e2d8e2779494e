ALTER TABLE "weekly_user_stats" ADD COLUMN "sessions_started" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "weekly_user_stats" ADD COLUMN "materials_completed" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "weekly_user_stats" ADD COLUMN "events_count" integer DEFAULT 0 NOT NULL;