import "server-only";
import { publishChange, subscribeChanges } from "@/lib/changes/change-feed";
import type { Database } from "@/lib/db/client";
import { forgetRun } from "./finished-run-cache";

/**
 * Tells every instance's waiting requests that a run changed outside the runner (a star, a new
 * take, a cancel), and frees this instance's cached answer at once (the others' through the feed).
 */
export async function announceRunChange(db: Database, runId: string): Promise<void> {
  forgetRun(runId);
  await publishChange(db, { kind: "run-changed", runId });
}

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
