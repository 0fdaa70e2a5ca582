import "server-only";
import { changeFeedIsComplete, subscribeChanges, type Change } from "@/lib/changes/change-feed";
import type { Database } from "@/lib/db/client";
import { getRunVersion } from "@/lib/db/queries/runs";
import { processSlot } from "@/lib/process-state";

/**
 * The versions of the runs read or changed lately, as the change feed announces them. Kept only while
 * the feed hears every change as it commits (embedded PGlite: changeFeedIsComplete); versions only
 * grow, so a notice never moves one back. Bounded, oldest first out.
 */
const MAX_RUNS = 2_000;

interface KnownVersions {
  versions: Map<string, number>;
  /** Moves whenever a version is dropped: a read that spans a move keeps nothing. */
  forgotten: number;
  unsubscribe?: () => void;
}

/** Process-wide: a bundle's own copy would not be fed by the subscription another bundle made. */
const state = processSlot<KnownVersions>("runVersions").getOrCreate(() => ({
  versions: new Map(),
  forgotten: 0,
}));

function remember(id: string, version: number): void {
  const known = state.versions.get(id);
  state.versions.delete(id);
  state.versions.set(id, Math.max(known ?? version, version));
  if (state.versions.size > MAX_RUNS) forget(state.versions.keys().next().value!);
}

function forget(id: string): void {
  state.versions.delete(id);
  state.forgotten++;
}

function followChange(change: Change): void {
  if (change.kind === "run-changed") remember(change.runId, change.version);
  else if (change.kind === "run-deleted") forget(change.runId);
  else if (change.kind === "resync") {
    state.versions.clear();
    state.forgotten++;
  }
}

// Subscribed on first import, so no reader can use versions the feed does not keep up to date.
state.unsubscribe?.();
state.unsubscribe = subscribeChanges(followChange);

/**
 * The run's current version, for the status route's every request; null for an unknown run. Read
 * each time on PostgreSQL (one primary-key lookup): another instance may have changed the run a
 * moment ago, and its notice may still be on its way. On embedded PGlite a version once read or
 * announced is answered from memory until the next notice, so polls between changes cost no query.
 */
export async function currentRunVersion(db: Database, id: string): Promise<number | null> {
  if (!changeFeedIsComplete()) return getRunVersion(db, id);
  const known = state.versions.get(id);
  if (known !== undefined) return known;
  const forgottenBefore = state.forgotten;
  const read = await getRunVersion(db, id);
  if (read === null) return null;
  // A notice heard during the read is at least as new as it; one forgotten meanwhile (a delete, or
  // pushed out) cannot be told apart from none, so nothing is kept then.
  const heard = state.versions.get(id);
  if (heard !== undefined) return Math.max(heard, read);
  if (state.forgotten === forgottenBefore) remember(id, read);
  return read;
}
