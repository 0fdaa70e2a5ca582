CREATE TABLE "contact_sheets" (
	"run_id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"blob_key" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_sheets" ADD CONSTRAINT "contact_sheets_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;