CREATE TABLE "leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"token" bigint DEFAULT 1 NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_holder" text,
	"runs" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "out_dir" text;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "lease_token" bigint;--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "lease_expires_at" timestamp with time zone;