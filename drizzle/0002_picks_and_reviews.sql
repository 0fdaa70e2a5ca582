CREATE TABLE "ballots" (
	"gallery_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"prompt_key" text NOT NULL,
	"image_id" text NOT NULL,
	"comment" text,
	"reviewer_name" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ballots_gallery_id_reviewer_id_prompt_key_pk" PRIMARY KEY("gallery_id","reviewer_id","prompt_key")
);
--> statement-breakpoint
ALTER TABLE "galleries" ADD COLUMN "expires_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "galleries" ADD COLUMN "review_mode" text;--> statement-breakpoint
ALTER TABLE "galleries" ADD COLUMN "revealed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "galleries" ADD COLUMN "hide_notes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "starred" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "images" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_gallery_id_galleries_id_fk" FOREIGN KEY ("gallery_id") REFERENCES "public"."galleries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_image_id_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "images_starred_idx" ON "images" USING btree ("run_id") WHERE "images"."starred";