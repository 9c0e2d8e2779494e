CREATE TABLE "client_metrics" (
	"minute" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"clients" integer DEFAULT 0 NOT NULL,
	"flushes" bigint DEFAULT 0 NOT NULL,
	"requests" bigint DEFAULT 0 NOT NULL,
	"retries" bigint DEFAULT 0 NOT NULL,
	"events" bigint DEFAULT 0 NOT NULL,
	"rejected" bigint DEFAULT 0 NOT NULL,
	"dropped" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "client_metrics_minute_source_pk" PRIMARY KEY("minute","source")
);
