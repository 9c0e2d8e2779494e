CREATE TABLE "erased_learners" (
	"learner_id" uuid PRIMARY KEY NOT NULL,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarantine_daily_counts" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "quarantine_daily_counts_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
ALTER TABLE "quarantined_events" ADD COLUMN "raw_bytes" integer;--> statement-breakpoint
ALTER TABLE "quarantined_events" ADD COLUMN "raw_sha256" text;