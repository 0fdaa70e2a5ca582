-- Jobs created before the spend ledger existed: reserve their estimate, like lib/jobs/create-run.ts does.
INSERT INTO "spend_ledger" ("job_id", "run_id", "model_id", "created_at", "usd", "assumed")
SELECT "id", "run_id", "model_id", "created_at", coalesce("cost_usd", "estimated_cost_usd"), false FROM "jobs"
ON CONFLICT DO NOTHING;
