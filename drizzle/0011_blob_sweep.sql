CREATE TABLE "blobs" (
	"key" text PRIMARY KEY NOT NULL,
	"written_at" timestamp (3) with time zone NOT NULL,
	"pending" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upkeep_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "blobs_written_at_idx" ON "blobs" USING btree ("written_at");--> statement-breakpoint
-- Blobs written before the ledger: each one a row refers to, as written now (the sweep's grace starts today).
INSERT INTO "blobs" ("key", "written_at")
SELECT "key", now() FROM (
	SELECT "blob_key" AS "key" FROM "images" UNION SELECT "thumbnail_key" FROM "images"
	UNION SELECT "blob_key" FROM "inputs" UNION SELECT "thumbnail_key" FROM "inputs"
) AS "referenced"
ON CONFLICT DO NOTHING;
