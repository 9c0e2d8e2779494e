CREATE TABLE "study_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"topic_id" uuid,
	"name" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_topics" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"subject" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "study_materials_topic_id_idx" ON "study_materials" USING btree ("topic_id");