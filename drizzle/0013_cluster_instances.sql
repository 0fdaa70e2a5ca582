CREATE TABLE "instances" (
	"id" text PRIMARY KEY NOT NULL,
	"fingerprint" jsonb NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "provider_endpoint" text;