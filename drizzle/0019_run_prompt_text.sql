ALTER TABLE "runs" ADD COLUMN "prompt_text" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "edited_from_run_id" text;