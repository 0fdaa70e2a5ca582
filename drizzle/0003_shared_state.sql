CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"allowed" boolean NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spend_ledger" (
	"job_id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"model_id" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"usd" double precision,
	"assumed" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "cost_assumed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "rate_limits_updated_at_idx" ON "rate_limits" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "spend_ledger_created_at_idx" ON "spend_ledger" USING btree ("created_at");