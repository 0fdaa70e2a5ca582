import "server-only";
import { removeUnusedBlobs } from "@/lib/blobs/orphan-sweep";
import type { Database } from "@/lib/db/client";
import { deleteRun } from "@/lib/db/queries/runs";
import type { BlobStore } from "@/lib/storage/blob-store";
import { forgetRun } from "./finished-run-cache";

/**
 * DELETE /api/runs/:id: removes the run, its jobs and every stored file no other run uses (a file
 * another download is writing at that moment is left to the orphan sweep).
 * False when there was no such run.
 */
export async function deleteRunAndFiles(
  db: Database,
  blobStore: BlobStore,
  id: string,
  now = new Date(),
): Promise<boolean> {
  const { deleted, orphanedBlobKeys } = await deleteRun(db, id);
  // After the commit, so a read that raced the delete and cached the run meanwhile is undone; every
  // instance hears of it through the change feed (the database announces a deleted run).
  forgetRun(id);
  if (!deleted) return false;
  // Through the sweep's own check: bytes another download is storing right now stay.
  await removeUnusedBlobs(db, blobStore, orphanedBlobKeys, { now });
  return true;
}
