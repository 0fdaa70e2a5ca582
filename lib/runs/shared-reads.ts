import "server-only";
import { processSlot } from "@/lib/process-state";

/**
 * One read of a run at a time, shared by every request that needs it. A change wakes every held
 * long-poll on its run at once, thousands on a busy share; each reading and serialising the run on
 * its own made one star cost seconds of CPU. A request joins only a read that began after the moment
 * its answer must reflect (its arrival, or the notice that woke it), so a shared answer is never
 * older than the request's own read would have been.
 *
 * A request that comes while a read of its key is in flight (begun too early for it) joins the one
 * read queued behind it, which begins when that one ends: so at most one read per key is in flight.
 * The woken waiters ask again at once, each with the new ETag; starting a read for each arrival
 * would fill PostgreSQL's pool with one run's reads and leave a writer waiting for a connection.
 */
interface SharedReads {
  /** Moves at the start of every read: a read's stamp is above every moment noted before it began. */
  clock: number;
  /** The reads of each key: the last one begun (in flight or ended), and the one queued behind it. */
  reads: Map<string, KeyReads>;
}

interface KeyReads {
  last: { started: number; result: Promise<unknown>; ended: boolean };
  /** Begins when `last` ends; joined by every request that came while `last` was in flight. */
  queued?: Promise<unknown>;
}

/** Process-wide: a notice stamped by one bundle must be comparable with a read begun in another. */
const state = processSlot<SharedReads>("sharedReads").getOrCreate(() => ({ clock: 0, reads: new Map() }));

/** Now, on the reads' clock: a read begun later is fresh enough for what is noted now. */
export function readMoment(): number {
  return state.clock;
}

/** Keys kept after their reads end, for requests woken by the same notice a little later (oldest out first). */
const MAX_KEPT = 1_000;

/**
 * `read()`'s result, or that of a read of `key` that began after `since`: the last one (ended or
 * not), or else the one queued behind the read in flight.
 */
export function sharedRead<T>(key: string, since: number, read: () => Promise<T>): Promise<T> {
  const reads = state.reads.get(key);
  if (reads && reads.last.started > since) return reads.last.result as Promise<T>;
  if (reads && !reads.last.ended) return (reads.queued ??= queueBehind(key, reads, read)) as Promise<T>;
  return begin(key, read);
}

function begin<T>(key: string, read: () => Promise<T>): Promise<T> {
  const last = { started: ++state.clock, result: read() as Promise<unknown>, ended: false };
  const reads = state.reads.get(key) ?? { last };
  reads.last = last;
  last.result.then(
    () => (last.ended = true),
    // A failed read is not shared with anyone who comes later.
    () => {
      last.ended = true;
      if (state.reads.get(key)?.last === last && !reads.queued) state.reads.delete(key);
    },
  );
  state.reads.delete(key);
  state.reads.set(key, reads);
  if (state.reads.size > MAX_KEPT) state.reads.delete(state.reads.keys().next().value!);
  return last.result as Promise<T>;
}

function queueBehind(key: string, reads: KeyReads, read: () => Promise<unknown>): Promise<unknown> {
  const ended = reads.last.result.then(
    () => undefined,
    () => undefined,
  );
  const queued: Promise<unknown> = ended.then(() => {
    if (reads.queued === queued) reads.queued = undefined;
    return begin(key, read);
  });
  return queued;
}
