import "server-only";
import type { Database } from "@/lib/db/client";
import { getRunRows } from "@/lib/db/queries/runs";
import { isRunFinished } from "@/lib/models/job-status";
import type { RunCopy } from "@/lib/api/views";
import type { Change } from "@/lib/changes/change-feed";
import { toRunView } from "@/lib/views/to-views";
import { getFinishedRun, rememberFinishedRun, type RunResponseBody } from "./finished-run-cache";
import { watchRunChanges, waitAtMost } from "./run-changes";
import { currentRunVersion } from "./run-versions";

/**
 * The one ETag of a run's answer: its id and version (runs.version, which the database moves with
 * every change a reader sees), so a tag always names its body.
 */
export function runEtag(id: string, version: number): string {
  return `W/"${id}.${version}"`;
}

const cacheHeaders = (etag: string) => ({ ETag: etag, "Cache-Control": "no-cache" });

const notModified = (etag: string) => new Response(null, { status: 304, headers: cacheHeaders(etag) });

function respond({ etag, body }: RunResponseBody, ifNoneMatch: string | null): Response {
  if (ifNoneMatch === etag) return notModified(etag);
  return new Response(body, { headers: { ...cacheHeaders(etag), "Content-Type": "application/json" } });
}

/** The run and its ETag, read now (for a page that comes with the run). Null for an unknown run. */
export async function readRunCopy(db: Database, id: string): Promise<RunCopy | null> {
  const rows = await getRunRows(db, id);
  // Tagged by the version read with the rows: the body is at least that new.
  return rows ? { run: toRunView(rows), etag: runEtag(id, rows.run.version) } : null;
}

/**
 * GET /api/runs/:id: a 304 while nothing changed, else the run as JSON. Every answer is checked
 * against the run's current version (currentRunVersion: one primary-key lookup, none on PGlite
 * between changes), so a run changed on any instance is never answered from a stale copy. A
 * finished run's JSON is kept, as it hardly changes. Null for an unknown run.
 */
export async function readRun(
  db: Database,
  id: string,
  ifNoneMatch: string | null,
): Promise<Response | null> {
  const version = await currentRunVersion(db, id);
  if (version === null) return null;
  const etag = runEtag(id, version);
  if (ifNoneMatch === etag) return notModified(etag);
  const finished = getFinishedRun(id);
  if (finished?.etag === etag) return respond(finished, ifNoneMatch);
  // Tagged by the rows read, not by the version above: a change may have landed in between.
  const copy = await readRunCopy(db, id);
  if (!copy) return null;
  const answer = { etag: copy.etag, body: JSON.stringify(copy.run) };
  if (isRunFinished(copy.run)) rememberFinishedRun(id, answer);
  return respond(answer, ifNoneMatch);
}

/**
 * The long-poll form of readRun: while the browser's copy is current (its If-None-Match still
 * matches), hold the answer until the run changes on any instance or `waitMs` passes, then answer
 * (a 304 if nothing changed). A notice of the version the copy already has keeps the wait without a
 * query. Results reach the screen as soon as they are stored, at a fraction of the requests of a
 * fixed poll.
 */
export async function readRunWhenChanged(
  db: Database,
  id: string,
  ifNoneMatch: string | null,
  waitMs: number,
  signal: AbortSignal,
): Promise<Response | null> {
  if (!ifNoneMatch || waitMs <= 0) return readRun(db, id, ifNoneMatch);
  const deadline = Date.now() + waitMs;
  // Watched before the first read, so a change landing in between still wakes the wait.
  const changes = watchRunChanges(id);
  try {
    for (;;) {
      const current = await readRun(db, id, ifNoneMatch);
      if (current?.status !== 304) return current;
      let change: Change | void;
      do {
        const remainingMs = deadline - Date.now();
        if (remainingMs <= 0 || signal.aborted) return current;
        change = await Promise.race([changes.next(), waitAtMost(remainingMs, signal)]);
      } while (change?.kind === "run-changed" && runEtag(id, change.version) === ifNoneMatch);
    }
  } finally {
    changes.stop();
  }
}
