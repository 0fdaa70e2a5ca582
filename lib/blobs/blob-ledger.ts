import "server-only";
import { createHash } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { recordBlobWrite } from "@/lib/db/queries/blobs";
import { blobKeyFor, type BlobStore } from "@/lib/storage/blob-store";

/**
 * The blob store every route and the runner use: each write is recorded in the database (the
 * `blobs` ledger) before its bytes go to the store, so the orphan sweep knows every blob, and never
 * takes one written within its grace period, such as a download that is about to refer to it.
 */
export function recordingBlobStore(
  store: BlobStore,
  database: () => Promise<Database>,
  now = () => new Date(),
): BlobStore {
  return {
    ...store,
    async put(bytes, extension) {
      const key = blobKeyFor(createHash("sha256").update(bytes).digest("hex"), extension);
      await recordBlobWrite(await database(), key, now());
      return store.put(bytes, extension);
    },
    get: (key) => store.get(key),
    has: (key) => store.has(key),
    delete: (key) => store.delete(key),
    ...(store.health ? { health: () => store.health!() } : {}),
  };
}
