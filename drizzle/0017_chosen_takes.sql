-- Nullable, no default: the previous build never writes it, and a take nobody chose counts by the rule (lib/models/takes.ts).
ALTER TABLE "jobs" ADD COLUMN "chosen_at" timestamp (3) with time zone;
