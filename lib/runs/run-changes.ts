import "server-only";
import { subscribeChanges, type Change } from "@/lib/changes/change-feed";
import { processSlot } from "@/lib/process-state";
import { readMoment } from "./shared-reads";

/** A change, and when it was heard on the reads' clock: a read begun later reflects it. */
export interface HeardChange {
  change: Change;
  heardAt: number;
}

/**
 * The changes to one run announced on any instance (or the feed's resync), from now until stop():
 * next() resolves with the newest one not taken yet. Watch before reading the run, so a change
 * landing in between is not missed.
 */
export function watchRunChanges(runId: string): { next: () => Promise<HeardChange>; stop: () => void } {
  let newest: HeardChange | undefined;
  let wake = () => {};
  const stop = subscribeChanges((change) => {
    if (change.kind !== "resync" && !("runId" in change && change.runId === runId)) return;
    newest = { change, heardAt: readMoment() };
    wakeSoon(() => wake());
  });
  async function next(): Promise<HeardChange> {
    while (!newest) await new Promise<void>((resolve) => (wake = resolve));
    const change = newest;
    newest = undefined;
    return change;
  }
  return { next, stop };
}

/**
 * A change wakes every waiter on its run, thousands on a busy share, and each asks again at once:
 * woken together, their requests would hold the event loop for seconds, a health probe behind them.
 * So a few are woken at once and a herd at a pace the loop keeps up with (WAKE_BATCH every
 * WAKE_PAUSE_MS, some 500 a second), with room for other requests in between.
 */
export const WAKE_BATCH = 25;
export const WAKE_PAUSE_MS = 50;
const wakeQueue = processSlot<{ queue: (() => void)[]; scheduled: boolean }>("wakeQueue").getOrCreate(() => ({
  queue: [],
  scheduled: false,
}));

function wakeSoon(wake: () => void): void {
  wakeQueue.queue.push(wake);
  if (wakeQueue.scheduled) return;
  wakeQueue.scheduled = true;
  setImmediate(wakeBatch);
}

function wakeBatch(): void {
  for (const wake of wakeQueue.queue.splice(0, WAKE_BATCH)) wake();
  if (wakeQueue.queue.length > 0) setTimeout(wakeBatch, WAKE_PAUSE_MS);
  else wakeQueue.scheduled = false;
}

/** Ends after `milliseconds`, or at once when the request is aborted. */
export function waitAtMost(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, milliseconds);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}
