CREATE TABLE "learner_scores" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"item_id" text NOT NULL,
	"score" real NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learner_weak_areas" (
	"user_id" uuid NOT NULL,
	"area" text NOT NULL,
	"mentions" integer DEFAULT 0 NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "learner_weak_areas_user_id_area_pk" PRIMARY KEY("user_id","area")
);
--> statement-breakpoint
CREATE INDEX "learner_scores_user_id_scored_at_idx" ON "learner_scores" USING btree ("user_id","scored_at");