import "server-only";
import { subscribeChanges, type Change } from "@/lib/changes/change-feed";

/**
 * The changes to one run announced on any instance (or the feed's resync), from now until stop():
 * next() resolves with the newest one not taken yet. Watch before reading the run, so a change
 * landing in between is not missed.
 */
export function watchRunChanges(runId: string): { next: () => Promise<Change>; stop: () => void } {
  let newest: Change | undefined;
  let wake = () => {};
  const stop = subscribeChanges((change) => {
    if (change.kind !== "resync" && !("runId" in change && change.runId === runId)) return;
    newest = change;
    wake();
  });
  async function next(): Promise<Change> {
    while (!newest) await new Promise<void>((resolve) => (wake = resolve));
    const change = newest;
    newest = undefined;
    return change;
  }
  return { next, stop };
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
