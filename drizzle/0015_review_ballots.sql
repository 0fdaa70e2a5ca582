CREATE TABLE "review_ballots" (
	"id" text PRIMARY KEY NOT NULL,
	"gallery_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"source" text DEFAULT 'open' NOT NULL,
	"invite_id" text,
	"invite_name" text,
	"comment" text,
	"reviewer_name" text,
	"excluded" boolean DEFAULT false NOT NULL,
	"client_key" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_invites" (
	"id" text PRIMARY KEY NOT NULL,
	"gallery_id" text NOT NULL,
	"name" text NOT NULL,
	"reviewer_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_renditions" (
	"id" text PRIMARY KEY NOT NULL,
	"gallery_id" text NOT NULL,
	"image_id" text NOT NULL,
	"blob_key" text,
	"thumbnail_key" text,
	"width" integer,
	"height" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ballots" ALTER COLUMN "image_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "ballots" ADD COLUMN "none" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ballots" ADD COLUMN "prompt_comment" text;--> statement-breakpoint
ALTER TABLE "galleries" ADD COLUMN "review_closed_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "galleries" ADD COLUMN "show_owner_stars" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "galleries" ADD COLUMN "previous_gallery_id" text;--> statement-breakpoint
ALTER TABLE "galleries" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "review_ballots" ADD CONSTRAINT "review_ballots_gallery_id_galleries_id_fk" FOREIGN KEY ("gallery_id") REFERENCES "public"."galleries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_invites" ADD CONSTRAINT "review_invites_gallery_id_galleries_id_fk" FOREIGN KEY ("gallery_id") REFERENCES "public"."galleries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_renditions" ADD CONSTRAINT "review_renditions_gallery_id_galleries_id_fk" FOREIGN KEY ("gallery_id") REFERENCES "public"."galleries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_renditions" ADD CONSTRAINT "review_renditions_image_id_images_id_fk" FOREIGN KEY ("image_id") REFERENCES "public"."images"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_ballots_gallery_reviewer_idx" ON "review_ballots" USING btree ("gallery_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "review_ballots_gallery_client_idx" ON "review_ballots" USING btree ("gallery_id","client_key","created_at");--> statement-breakpoint
CREATE INDEX "review_invites_gallery_idx" ON "review_invites" USING btree ("gallery_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_renditions_gallery_image_idx" ON "review_renditions" USING btree ("gallery_id","image_id");--> statement-breakpoint
CREATE INDEX "review_renditions_image_idx" ON "review_renditions" USING btree ("image_id");