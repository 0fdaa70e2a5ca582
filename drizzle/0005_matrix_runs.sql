ALTER TABLE "jobs" ADD COLUMN "prompt_index" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "config_index" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "take" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "prompt" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "seed" integer;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "revised_prompt" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "retry_note" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "error_detail" text;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "prompts" jsonb;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "configs" jsonb;--> statement-breakpoint
ALTER TABLE "runs" ADD COLUMN "seed" integer;--> statement-breakpoint
-- Runs made before matrices: one row, one column per job in submission order.
UPDATE "jobs" SET "prompt" = "runs"."prompt", "config_index" = "jobs"."position",
  "seed" = CASE WHEN jsonb_typeof("jobs"."params"->'seed') = 'number' THEN ("jobs"."params"->>'seed')::integer END
  FROM "runs" WHERE "jobs"."run_id" = "runs"."id";--> statement-breakpoint
UPDATE "runs" SET "prompts" = jsonb_build_array("prompt"), "configs" = coalesce((
  SELECT jsonb_agg(jsonb_build_object('modelId', "model_id", 'params', "params", 'label', '', 'notes', "notes") ORDER BY "position")
  FROM "jobs" WHERE "jobs"."run_id" = "runs"."id"), '[]'::jsonb);--> statement-breakpoint
ALTER TABLE "jobs" ALTER COLUMN "prompt" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ALTER COLUMN "prompts" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "runs" ALTER COLUMN "configs" SET NOT NULL;
