CREATE TABLE "inputs" (
	"id" text PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"blob_key" text NOT NULL,
	"thumbnail_key" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inputs_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "run_inputs" (
	"run_id" text NOT NULL,
	"input_id" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "run_inputs_run_id_position_pk" PRIMARY KEY("run_id","position")
);
--> statement-breakpoint
ALTER TABLE "run_inputs" ADD CONSTRAINT "run_inputs_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "run_inputs" ADD CONSTRAINT "run_inputs_input_id_inputs_id_fk" FOREIGN KEY ("input_id") REFERENCES "public"."inputs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inputs_blob_key_idx" ON "inputs" USING btree ("blob_key");--> statement-breakpoint
CREATE INDEX "inputs_thumbnail_key_idx" ON "inputs" USING btree ("thumbnail_key");--> statement-breakpoint
CREATE INDEX "run_inputs_input_id_idx" ON "run_inputs" USING btree ("input_id");