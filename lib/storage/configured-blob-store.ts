import "server-only";
import { localBlobDirectory, objectStorageSettings } from "@/lib/env";
import type { BlobStore } from "./blob-store";
import { createLocalBlobStore } from "./local-blob-store";
import { createS3BlobStore } from "./s3-blob-store";

/** The bucket when S3_BUCKET is set, else DATA_DIR/blobs on local disk. */
export function createConfiguredBlobStore(): BlobStore {
  const s3 = objectStorageSettings();
  return s3 ? createS3BlobStore(s3) : createLocalBlobStore(localBlobDirectory());
}
