-- A run's version (its ETag) moves in the same transaction as every change a reader of the run can see,
-- and the change feed (lib/changes/change-feed.ts, channel prism_changes) hears of it at commit with
-- the version it reached. Triggers rather than a call in each write path: no path can forget them,
-- not a raw statement, not the previous build during a rolling deploy.
CREATE FUNCTION bump_run_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A row deleted with its run (ON DELETE CASCADE) finds no run left to bump.
  UPDATE runs SET version = version + 1
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.run_id ELSE NEW.run_id END;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER jobs_bump_run_version AFTER INSERT OR DELETE ON jobs
  FOR EACH ROW EXECUTE FUNCTION bump_run_version();
--> statement-breakpoint
-- A job's write is news when it sets updated_at (every transition a reader sees does:
-- lib/jobs/runner/job-transitions.ts) or changes a column the run's JSON shows, even within the same
-- millisecond. Leases, due times and attempt counts move nothing.
CREATE TRIGGER jobs_bump_run_version_on_news AFTER UPDATE ON jobs
  FOR EACH ROW WHEN (
    (OLD.updated_at, OLD.status, OLD.retry_note, OLD.cost_usd, OLD.revised_prompt, OLD.error_message)
      IS DISTINCT FROM
    (NEW.updated_at, NEW.status, NEW.retry_note, NEW.cost_usd, NEW.revised_prompt, NEW.error_message)
  ) EXECUTE FUNCTION bump_run_version();
--> statement-breakpoint
CREATE TRIGGER images_bump_run_version AFTER INSERT OR DELETE ON images
  FOR EACH ROW EXECUTE FUNCTION bump_run_version();
--> statement-breakpoint
CREATE TRIGGER images_bump_run_version_on_annotation AFTER UPDATE ON images
  FOR EACH ROW WHEN ((OLD.starred, OLD.note) IS DISTINCT FROM (NEW.starred, NEW.note))
  EXECUTE FUNCTION bump_run_version();
--> statement-breakpoint
-- At commit, once per run and transaction: every firing reads the same final version, and PostgreSQL
-- delivers identical payloads of one transaction once. Nothing is announced on rollback.
CREATE FUNCTION announce_run_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  current_version bigint;
BEGIN
  SELECT version INTO current_version FROM runs WHERE id = NEW.id;
  IF FOUND THEN
    PERFORM pg_notify('prism_changes',
      json_build_object('kind', 'run-changed', 'runId', NEW.id, 'version', current_version)::text);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER runs_announce_version AFTER UPDATE OF version ON runs
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION announce_run_version();
--> statement-breakpoint
CREATE FUNCTION announce_run_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('prism_changes', json_build_object('kind', 'run-deleted', 'runId', OLD.id)::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER runs_announce_deleted AFTER DELETE ON runs
  FOR EACH ROW EXECUTE FUNCTION announce_run_deleted();
