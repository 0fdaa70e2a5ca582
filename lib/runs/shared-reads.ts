import "server-only";
import { processSlot } from "@/lib/process-state";

/**
 * One read of a run at a time, shared by every request that needs it. A change wakes every held
 * long-poll on its run at once, thousands on a busy share; each reading and serialising the run on
 * its own made one star cost seconds of CPU. A request joins only a read that began after the moment
 * its answer must reflect (its arrival, or the notice that woke it), so a shared answer is never
 * older than the request's own read would have been.
 */
interface SharedReads {
  /** Moves at the start of every read: a read's stamp is above every moment noted before it began. */
  clock: number;
  /** The last read of each key, in flight or ended. */
  reads: Map<string, { started: number; result: Promise<unknown> }>;
}

/** Process-wide: a notice stamped by one bundle must be comparable with a read begun in another. */
const state = processSlot<SharedReads>("sharedReads").getOrCreate(() => ({ clock: 0, reads: new Map() }));

/** Now, on the reads' clock: a read begun later is fresh enough for what is noted now. */
export function readMoment(): number {
  return state.clock;
}

/** Reads kept after they end, for requests woken by the same notice a little later (oldest out first). */
const MAX_KEPT = 1_000;

/** `read()`'s result, or that of the last read of `key` (ended or not) if it began after `since`. */
export function sharedRead<T>(key: string, since: number, read: () => Promise<T>): Promise<T> {
  const last = state.reads.get(key);
  if (last && last.started > since) return last.result as Promise<T>;
  const started = ++state.clock;
  const result = read();
  // A failed read is not shared with anyone who comes later.
  result.catch(() => {
    if (state.reads.get(key)?.result === result) state.reads.delete(key);
  });
  state.reads.delete(key);
  state.reads.set(key, { started, result });
  if (state.reads.size > MAX_KEPT) state.reads.delete(state.reads.keys().next().value!);
  return result;
}
