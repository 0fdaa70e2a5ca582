import "server-only";

/** A run's JSON answer with its ETag, ready to send as is. */
export interface RunResponseBody {
  etag: string;
  body: string;
}

/**
 * Finished runs never change (only a DELETE removes them), yet a result page or a share reads them
 * again and again. Keeping their serialized answer here makes those reads skip the database and
 * JSON.stringify. Bounded, oldest first out. The age limit covers one case this process cannot see:
 * another instance on the same PostgreSQL deleting the run.
 */
const MAX_ENTRIES = 2_000;
const MAX_AGE_MS = 5 * 60_000;

const globalForCache = globalThis as typeof globalThis & {
  prismFinishedRuns?: Map<string, RunResponseBody & { storedAt: number }>;
};
const entries = (globalForCache.prismFinishedRuns ??= new Map());

export function getFinishedRun(id: string, now: number = Date.now()): RunResponseBody | undefined {
  const entry = entries.get(id);
  if (!entry) return undefined;
  if (now - entry.storedAt <= MAX_AGE_MS) return entry;
  entries.delete(id);
  return undefined;
}

/** Only for a finished run (isRunFinished): one still in progress would be served stale. */
export function rememberFinishedRun(id: string, response: RunResponseBody, now: number = Date.now()): void {
  entries.delete(id);
  entries.set(id, { ...response, storedAt: now });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

export function forgetRun(id: string): void {
  entries.delete(id);
}
