import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { BlobStoreError, blobKeyFor, isBlobKey, type BlobStore, type StoredBlob } from "./blob-store";
import { describeDiskError, localDiskHealth, TEMP_PREFIX } from "./local-disk";

/**
 * Blobs as files under one directory. Each write goes to a temporary file in the target folder and
 * is renamed into place, which is atomic on one filesystem: a crash leaves at most a stray temp
 * file, never a truncated blob under a real key.
 */
export function createLocalBlobStore(rootDirectory: string): BlobStore {
  const fileOf = (key: string) => path.join(rootDirectory, ...key.split("/"));

  async function exists(key: string): Promise<boolean> {
    try {
      return (await stat(fileOf(key))).isFile();
    } catch {
      return false;
    }
  }

  return {
    async put(bytes, extension) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const key = blobKeyFor(sha256, extension);
      if (!isBlobKey(key)) throw new Error(`Unsupported blob extension: ${extension}`);
      if (await exists(key)) return { key, sha256 };
      const target = fileOf(key);
      const temporary = path.join(path.dirname(target), `${TEMP_PREFIX}${randomBytes(8).toString("hex")}`);
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(temporary, bytes, { flush: true });
        // Two writers of the same bytes both rename; the second replaces identical content.
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        // A disk error is the store's trouble, not the image's: the runner retries it and says why.
        const reason = describeDiskError(error);
        throw new BlobStoreError(`Local disk could not write ${key}: ${reason}`, { cause: error, reason });
      }
      return { key, sha256 };
    },

    async get(key) {
      if (!isBlobKey(key)) return null;
      try {
        const { size } = await stat(fileOf(key));
        const stream = Readable.toWeb(createReadStream(fileOf(key))) as ReadableStream<Uint8Array>;
        return { stream, byteSize: size };
      } catch {
        return null;
      }
    },

    has: (key) => (isBlobKey(key) ? exists(key) : Promise.resolve(false)),

    async delete(key) {
      if (isBlobKey(key)) await rm(fileOf(key), { force: true });
    },

    health: () => localDiskHealth(rootDirectory),

    async *list() {
      // One folder per first two hex digits: a page is one folder's blobs.
      const folders = await readdir(rootDirectory, { withFileTypes: true }).catch(() => []);
      for (const folder of folders) {
        if (!folder.isDirectory()) continue;
        const names = await readdir(path.join(rootDirectory, folder.name)).catch(() => []);
        const page: StoredBlob[] = [];
        for (const name of names) {
          const key = `${folder.name}/${name}`;
          if (!isBlobKey(key)) continue;
          // Gone since the listing (removed by another sweep): not in the store any more.
          const found = await stat(fileOf(key)).catch(() => null);
          if (found?.isFile()) page.push({ key, modifiedAt: found.mtime });
        }
        if (page.length > 0) yield page;
      }
    },
  };
}
