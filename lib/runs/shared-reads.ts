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
  inFlight: Map<string, { started: number; result: Promise<unknown> }>;
}

/** Process-wide: a notice stamped by one bundle must be comparable with a read begun in another. */
const state = processSlot<SharedReads>("sharedReads").getOrCreate(() => ({ clock: 0, inFlight: new Map() }));

/** Now, on the reads' clock: a read begun later is fresh enough for what is noted now. */
export function readMoment(): number {
  return state.clock;
}

/** `read()`'s result, or that of the read of `key` in flight if it began after `since`. */
export function sharedRead<T>(key: string, since: number, read: () => Promise<T>): Promise<T> {
  const current = state.inFlight.get(key);
  if (current && current.started > since) return current.result as Promise<T>;
  const started = ++state.clock;
  const result = read().finally(() => {
    if (state.inFlight.get(key)?.result === result) state.inFlight.delete(key);
  });
  state.inFlight.set(key, { started, result });
  return result;
}
