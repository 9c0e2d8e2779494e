CREATE TABLE "export_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "export_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"from_tx_id" bigint NOT NULL,
	"from_ingest_seq" bigint NOT NULL,
	"through_tx_id" bigint NOT NULL,
	"through_ingest_seq" bigint NOT NULL,
	"events_exported" integer DEFAULT 0 NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "export_runs_status_id_idx" ON "export_runs" USING btree ("status","id");--> statement-breakpoint
CREATE UNIQUE INDEX "export_runs_one_running_idx" ON "export_runs" USING btree ("status") WHERE "export_runs"."status" = 'running';