-- Every reviewer who voted before ballots had their own row gets one: an open ballot with the
-- comment and name of their latest pick.
INSERT INTO "review_ballots" ("id", "gallery_id", "reviewer_id", "source", "comment", "reviewer_name", "created_at", "updated_at")
SELECT DISTINCT ON ("gallery_id", "reviewer_id")
  replace(gen_random_uuid()::text, '-', ''), "gallery_id", "reviewer_id", 'open', "comment", "reviewer_name",
  min("created_at") OVER (PARTITION BY "gallery_id", "reviewer_id"), "updated_at"
FROM "ballots"
ORDER BY "gallery_id", "reviewer_id", "updated_at" DESC
ON CONFLICT DO NOTHING;
