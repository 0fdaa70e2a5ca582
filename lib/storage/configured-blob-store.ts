import "server-only";
import { localBlobDirectory, objectStorageSettings } from "@/lib/env";
import type { BlobStore } from "./blob-store";
import { createLocalBlobStore } from "./local-blob-store";
import { sweepTemporaryFiles } from "./local-disk";
import { createS3BlobStore } from "./s3-blob-store";

/** The bucket when S3_BUCKET is set, else DATA_DIR/blobs on local disk. */
export function createConfiguredBlobStore(): BlobStore {
  const s3 = objectStorageSettings();
  return s3 ? createS3BlobStore(s3) : createLocalBlobStore(localBlobDirectory());
}

/**
 * Removes the temporary files of writes a crash interrupted (local disk only: a bucket never shows
 * a partial object). Files from before `startedAt` only. Returns how many were removed.
 */
export async function sweepInterruptedWrites(startedAt: Date): Promise<number> {
  return objectStorageSettings() ? 0 : sweepTemporaryFiles(localBlobDirectory(), startedAt);
}
