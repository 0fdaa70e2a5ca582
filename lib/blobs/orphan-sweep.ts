import "server-only";
import type { Database } from "@/lib/db/client";
import { adoptBlobs, orphanBlobKeys, removeBlobIfUnused, takeUpkeepLease } from "@/lib/db/queries/blobs";
import { deleteAbandonedInputs } from "@/lib/db/queries/inputs";
import { logger } from "@/lib/logger";
import type { BlobStore } from "@/lib/storage/blob-store";

/**
 * How long a blob is left alone after its last write, referenced or not: far longer than a download
 * takes from storing its bytes to recording the image that refers to them.
 */
export const BLOB_GRACE_MS = 15 * 60_000;
/** How often each instance offers to sweep; one of them does (an upkeep lease in the database). */
export const SWEEP_INTERVAL_MS = 10 * 60_000;
/** An input no run uses is kept this long after its upload: time to write the instruction and run it. */
export const UNUSED_INPUT_GRACE_MS = 24 * 60 * 60_000;
/** How often each instance lists its store for blobs the ledger does not know (a full listing is not cheap). */
export const STORE_SCAN_INTERVAL_MS = 6 * 60 * 60_000;
const SWEEP_BATCH = 500;

export interface SweepOptions {
  now?: Date;
  graceMs?: number;
}

/**
 * Removes these blobs from the store where nothing refers to them any more and they were last
 * written before the grace period; the others stay for the sweep to look at again. The one way to
 * delete a blob (a deleted run's images, an input no run uses): each check and removal is one
 * transaction that a writer of the same bytes waits for, so a blob is never removed under a row
 * that refers to it, on any number of instances. Returns the keys removed.
 */
export async function removeUnusedBlobs(
  db: Database,
  store: BlobStore,
  keys: Iterable<string>,
  options: SweepOptions = {},
): Promise<string[]> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - (options.graceMs ?? BLOB_GRACE_MS));
  const removed: string[] = [];
  for (const key of new Set(keys)) {
    if (await removeBlobIfUnused(db, key, cutoff, () => store.delete(key))) removed.push(key);
  }
  return removed;
}

/**
 * The orphan sweep: every blob nothing refers to, last written before the grace period (an image a
 * canceled download stored, a deleted run's images too fresh to remove then, an input uploaded and
 * never run within UNUSED_INPUT_GRACE_MS), is removed. Safe on
 * every instance at once; the lease only saves the others the work. Returns the keys removed.
 */
export async function sweepOrphanBlobs(
  db: Database,
  store: BlobStore,
  holder: string,
  options: SweepOptions = {},
): Promise<string[]> {
  const now = options.now ?? new Date();
  const until = new Date(now.getTime() + SWEEP_INTERVAL_MS / 2);
  if (!(await takeUpkeepLease(db, { name: "orphan-blob-sweep", holder, now, until }))) return [];
  // Inputs uploaded and never run go first, so their blobs are orphans of this very pass.
  await deleteAbandonedInputs(db, new Date(now.getTime() - UNUSED_INPUT_GRACE_MS));
  const cutoff = new Date(now.getTime() - (options.graceMs ?? BLOB_GRACE_MS));
  const removed: string[] = [];
  for (;;) {
    const keys = await orphanBlobKeys(db, cutoff, SWEEP_BATCH);
    const batch = await removeUnusedBlobs(db, store, keys, options);
    removed.push(...batch);
    if (keys.length < SWEEP_BATCH || batch.length === 0) return removed;
  }
}

/**
 * Lists the store and enters each blob the ledger does not know (written before the ledger existed,
 * or by a process that bypassed it) as written when its bytes were, so the sweep then removes those
 * nothing refers to once they are older than the grace period, and keeps the rest. Safe on every
 * instance at once (a known blob is left as it is), and each instance lists its own store, local
 * disk included. Returns how many blobs were new to the ledger; 0 for a store that cannot list.
 */
export async function adoptStrayBlobs(db: Database, store: BlobStore): Promise<number> {
  if (!store.list) return 0;
  let adopted = 0;
  for await (const page of store.list()) adopted += await adoptBlobs(db, page);
  return adopted;
}

/** Sweeps every SWEEP_INTERVAL_MS in the background until `shouldStop()`; the timer keeps no process alive. */
export function startOrphanSweeper(
  db: Database,
  store: BlobStore,
  holder: string,
  shouldStop: () => boolean,
  now: () => Date = () => new Date(),
): () => void {
  let scannedAt: number | undefined;
  const sweep = async () => {
    if (shouldStop()) return;
    try {
      if (scannedAt === undefined || Date.now() - scannedAt >= STORE_SCAN_INTERVAL_MS) {
        const adopted = await adoptStrayBlobs(db, store);
        scannedAt = Date.now();
        if (adopted > 0) logger.info("Found blobs the ledger did not know", { adopted });
      }
      const removed = await sweepOrphanBlobs(db, store, holder, { now: now() });
      if (removed.length > 0) logger.info("Removed blobs nothing refers to", { removed: removed.length });
    } catch (error) {
      logger.warn("Orphan blob sweep failed; it runs again later", { error });
    }
  };
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
