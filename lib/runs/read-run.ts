import "server-only";
import type { Database } from "@/lib/db/client";
import { getRunRows } from "@/lib/db/queries/runs";
import { isRunFinished } from "@/lib/models/job-status";
import type { RunCopy } from "@/lib/api/views";
import { toRunView } from "@/lib/views/to-views";
import { getFinishedRun, rememberFinishedRun, type RunResponseBody } from "./finished-run-cache";
import { holdWait, type HeldWaitLimits } from "./held-waits";
import { watchRunChanges, waitAtMost, type HeardChange } from "./run-changes";
import { currentRunVersion } from "./run-versions";
import { readMoment, sharedRead } from "./shared-reads";

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

/** The run's JSON answer as of now, or null for an unknown run. */
async function readAnswer(db: Database, id: string): Promise<RunResponseBody | null> {
  const copy = await readRunCopy(db, id);
  if (!copy) return null;
  const answer = { etag: copy.etag, body: JSON.stringify(copy.run) };
  if (isRunFinished(copy.run)) rememberFinishedRun(id, answer);
  return answer;
}

/**
 * GET /api/runs/:id: a 304 while nothing changed, else the run as JSON. Every answer is checked
 * against the run's current version (currentRunVersion: one primary-key lookup, none on PGlite
 * between changes), so a run changed on any instance is never answered from a stale copy. A
 * finished run's JSON is kept, as it hardly changes. Requests at once share their reads
 * (sharedRead): the answer reflects every change made before `since` (by default, now). Null for
 * an unknown run.
 */
export async function readRun(
  db: Database,
  id: string,
  ifNoneMatch: string | null,
  since: number = readMoment(),
): Promise<Response | null> {
  const version = await sharedRead(`version:${id}`, since, () => currentRunVersion(db, id));
  if (version === null) return null;
  const etag = runEtag(id, version);
  if (ifNoneMatch === etag) return notModified(etag);
  const finished = getFinishedRun(id);
  if (finished?.etag === etag) return respond(finished, ifNoneMatch);
  // Tagged by the rows read, not by the version above: a change may have landed in between.
  const answer = await sharedRead(`answer:${id}`, since, () => readAnswer(db, id));
  return answer && respond(answer, ifNoneMatch);
}

export interface WaitOptions {
  /** Who is waiting (the client address), for the per-client cap. */
  client: string;
  limits: HeldWaitLimits;
}

/**
 * The long-poll form of readRun: while the browser's copy is current (its If-None-Match still
 * matches), hold the answer until the run changes on any instance or `waitMs` passes, then answer
 * (a 304 if nothing changed). A notice of the version the copy already has keeps the wait without a
 * query; the waiters a change wakes share one read of the run. Beyond the caps on held waits
 * (holdWait), the answer comes at once. Results reach the screen as soon as they are stored, at a
 * fraction of the requests of a fixed poll.
 */
export async function readRunWhenChanged(
  db: Database,
  id: string,
  ifNoneMatch: string | null,
  waitMs: number,
  signal: AbortSignal,
  options: WaitOptions,
): Promise<Response | null> {
  let since = readMoment();
  if (!ifNoneMatch || waitMs <= 0) return readRun(db, id, ifNoneMatch, since);
  const release = holdWait(options.client, options.limits);
  if (!release) return readRun(db, id, ifNoneMatch, since);
  const deadline = Date.now() + waitMs;
  // Watched before the first read, so a change landing in between still wakes the wait.
  const changes = watchRunChanges(id);
  try {
    for (;;) {
      const current = await readRun(db, id, ifNoneMatch, since);
      if (current?.status !== 304) return current;
      let heard: HeardChange | void;
      do {
        const remainingMs = deadline - Date.now();
        if (remainingMs <= 0 || signal.aborted) return current;
        heard = await Promise.race([changes.next(), waitAtMost(remainingMs, signal)]);
      } while (heard?.change.kind === "run-changed" && runEtag(id, heard.change.version) === ifNoneMatch);
      if (heard) since = heard.heardAt;
    }
  } finally {
    changes.stop();
    release();
  }
}
