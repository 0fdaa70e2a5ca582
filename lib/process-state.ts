/**
 * Everything one server process keeps for its whole life, in one place. It lives on globalThis
 * because Next loads a module once per bundle (instrumentation, each route) and dev mode reloads
 * modules, so a module-level variable could exist several times in one process: the database
 * would be opened twice, a subscriber lost. State that must hold across instances belongs in the
 * database instead (rate limits, spend, leases).
 *
 * Layer: a leaf beside env.ts and logger.ts. It imports nothing, so every server folder, lib/db
 * and lib/storage included, may import it; its slot types are given by the caller.
 */

/** Every process-wide slot, named here so the whole inventory is read in one place. */
export type ProcessSlotName =
  /** lib/db/client.ts: the database, opened and migrated once. */
  | "database"
  | "databaseReady"
  /** lib/changes/change-feed.ts: this process's subscribers, its LISTEN connection, and whether that hears every change. */
  | "changeListeners"
  | "changeFeed"
  | "changeFeedComplete"
  /** lib/runs/run-versions.ts: runs' versions as the change feed announced them (embedded PGlite). */
  | "runVersions"
  /** lib/runs/finished-run-cache.ts: serialized answers of finished runs. */
  | "finishedRuns"
  /** lib/runs/shared-reads.ts: the reads of runs in flight, shared by the requests that need them. */
  | "sharedReads"
  /** lib/runs/held-waits.ts: the long-polls this instance holds, in all and per client. */
  | "heldWaits"
  /** lib/runs/run-changes.ts: held long-polls a change woke, answered a batch per turn of the event loop. */
  | "wakeQueue"
  /** lib/contact-sheet/render-limit.ts: contact sheets being drawn, and the requests waiting for a slot. */
  | "sheetRenders"
  /** lib/reviews/reviewer-cookie.ts: the reviewer cookie's signing key, once read from the database. */
  | "reviewerKey"
  /** lib/server/boot.ts: the one boot of this process, its built-in simulator and what it has started. */
  | "boot"
  | "simulator"
  | "bootStatus"
  /** lib/server/job-runner.ts: the blob store, the job runner, this instance's id and the database's clock. */
  | "blobStore"
  | "databaseClock"
  | "jobRunner"
  | "instanceId"
  /** lib/server/instance-drift.ts: how this instance differs from the others, checked every few seconds. */
  | "driftStatus"
  | "driftWatch"
  /** lib/server/storage-health.ts and readiness.ts: the last probe answers, cached. */
  | "storageHealth"
  | "readinessCheck"
  /** lib/server/lifecycle.ts: the shutdown, begun once (the one "shutting down" flag). */
  | "shutdown"
  | "signalHandlers"
  /** lib/server/node-http-hooks.ts: the request hook, installed once, and the server it saw. */
  | "httpHooks"
  | "httpServer";

export interface ProcessSlot<T> {
  get(): T | undefined;
  set(value: T | undefined): void;
  /** The slot's value, created by `create` on first use. */
  getOrCreate(create: () => T): T;
}

const STATE_KEY = Symbol.for("prism.process-state");
const state = ((globalThis as Record<symbol, unknown>)[STATE_KEY] ??= new Map()) as Map<
  ProcessSlotName,
  unknown
>;

/** A typed handle on one slot; every bundle that asks for the same name shares its value. */
export function processSlot<T>(name: ProcessSlotName): ProcessSlot<T> {
  return {
    get: () => state.get(name) as T | undefined,
    set(value) {
      if (value === undefined) state.delete(name);
      else state.set(name, value);
    },
    getOrCreate(create) {
      if (!state.has(name)) state.set(name, create());
      return state.get(name) as T;
    },
  };
}
