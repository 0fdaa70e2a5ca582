import "server-only";
import type { Change } from "@/lib/changes/change-feed";
import { processSlot } from "@/lib/process-state";

/** A run's JSON answer with its ETag, ready to send as is. */
export interface RunResponseBody {
  etag: string;
  body: string;
}

/**
 * Finished runs hardly change (a DELETE, stars and notes), yet a result page or a share reads them
 * again and again. Keeping their serialized answer here makes those reads skip reading the rows
 * and JSON.stringify. An entry is served only while its ETag is the run's current one (readRun
 * checks), so a change made on another instance is never answered from here, notice or not; the
 * change feed (followChange) merely drops entries that can no longer be served. Bounded, oldest
 * first out.
 */
const MAX_ENTRIES = 2_000;

const entries = processSlot<Map<string, RunResponseBody>>("finishedRuns").getOrCreate(() => new Map());

export function getFinishedRun(id: string): RunResponseBody | undefined {
  return entries.get(id);
}

/** Only for a finished run (isRunFinished): one still in progress would be served stale. */
export function rememberFinishedRun(id: string, response: RunResponseBody): void {
  entries.delete(id);
  entries.set(id, response);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

export function forgetRun(id: string): void {
  entries.delete(id);
}

/** Subscribed to the change feed at boot: frees the entry of a run changed or deleted anywhere. */
export function followChange(change: Change): void {
  if (change.kind === "resync") entries.clear();
  else if (change.kind === "run-deleted" || change.kind === "run-changed") entries.delete(change.runId);
}
