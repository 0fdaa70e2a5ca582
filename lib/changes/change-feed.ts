import "server-only";
import { sql } from "drizzle-orm";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { processSlot } from "@/lib/process-state";

/**
 * What one instance tells every instance (itself included) through PostgreSQL NOTIFY, so caches
 * and waiting requests in every process follow a change made in any of them.
 */
export type Change =
  | { kind: "run-deleted"; runId: string }
  /**
   * Something a reader of the run sees changed (a job's news, an image stored or annotated, a new
   * take, a cancel), and the run's version is now at least `version`: a waiting request whose copy
   * has that version already keeps waiting without a query.
   */
  | { kind: "run-changed"; runId: string; version: number }
  | { kind: "gallery-revoked"; slug: string }
  /** Notifications may have been missed (the listening connection was lost): forget everything. */
  | { kind: "resync" };

export type ChangeListener = (change: Change) => void;

/**
 * The database's own triggers publish the two run kinds, at commit, whichever code made the change
 * (drizzle/0009_run_version_triggers.sql names this channel too).
 */
const CHANNEL = "prism_changes";

/** Process-wide, so every bundle's subscribers hear the one LISTEN connection. */
const listeners = processSlot<Set<ChangeListener>>("changeListeners").getOrCreate(() => new Set());
const changeFeed = processSlot<Promise<unknown>>("changeFeed");
/** Whether that connection hears every change made to the database (changeFeedIsComplete). */
const changeFeedComplete = processSlot<boolean>("changeFeedComplete");

/**
 * Tells every instance about a change. Inside a transaction, PostgreSQL delivers it at commit,
 * and not at all on rollback.
 */
export async function publishChange(db: Database, change: Change): Promise<void> {
  await db.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(change)})`);
}

export function subscribeChanges(listener: ChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function deliver(change: Change): void {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch (error) {
      logger.error("Change listener failed", { error, kind: change.kind });
    }
  }
}

function parseChange(payload: string): Change | null {
  try {
    const change = JSON.parse(payload) as Partial<Change>;
    return typeof change.kind === "string" ? (change as Change) : null;
  } catch {
    return null;
  }
}

/** Starts listening once per process (at boot). */
export function startChangeFeed(handle: DatabaseHandle): Promise<unknown> {
  return changeFeed.getOrCreate(() =>
    handle
      .listen(CHANNEL, {
        onMessage(payload) {
          const change = parseChange(payload);
          if (change) deliver(change);
        },
        onReconnect: () => deliver({ kind: "resync" }),
      })
      .then(
        (stop) => {
          changeFeedComplete.set(handle.exclusive);
          return stop;
        },
        (error: unknown) => {
          changeFeed.set(undefined);
          throw error;
        },
      ),
  );
}

/**
 * True once the feed listens to a database only this process writes (embedded PGlite): every change
 * made to it is then heard here, and PGlite delivers a transaction's notices with its commit, before
 * the writer or any later statement goes on. What the feed says is then the database's current state.
 */
export function changeFeedIsComplete(): boolean {
  return changeFeedComplete.get() === true;
}
