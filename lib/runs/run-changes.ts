import "server-only";
import { subscribeChanges } from "@/lib/changes/change-feed";

/**
 * Resolves when a change to this run is announced on any instance (or the feed asks everyone to
 * resync). Subscribe before reading the run, so a change landing in between is not missed.
 */
export function nextRunChange(runId: string): { changed: Promise<void>; stop: () => void } {
  let stop = () => {};
  const changed = new Promise<void>((resolve) => {
    const unsubscribe = subscribeChanges((change) => {
      if (change.kind === "resync" || ("runId" in change && change.runId === runId)) resolve();
    });
    stop = () => {
      unsubscribe();
      resolve();
    };
  });
  return { changed, stop };
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
