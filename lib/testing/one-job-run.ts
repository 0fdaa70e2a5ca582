import type { PGlite } from "@electric-sql/pglite";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import { createRun } from "@/lib/jobs/create-run";

/** A clock a second later at every reading, so each write a test makes is newer than the last. */
export function tickingClock(start = "2026-03-01T10:00:00.000Z"): () => Date {
  let clock = Date.parse(start);
  return () => new Date((clock += 1_000));
}

/** A run of one shortapi/z-image job, created at `now`. */
export function startOneJobRun(db: Database, now: Date) {
  const body = createRunBodySchema.parse({
    prompt: "a fox",
    models: [{ modelId: "shortapi/z-image", params: { aspect_ratio: "1:1" } }],
  });
  return createRun(db, body, { now });
}

/** The PGlite client under a test database, to count or watch the statements sent to it. */
export const pgliteClient = (handle: DatabaseHandle) => (handle.db as unknown as { $client: PGlite }).$client;
