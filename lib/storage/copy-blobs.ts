import "server-only";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { blobKeyFor, isBlobKey, type BlobStore } from "./blob-store";

export interface CopyReport {
  copied: number;
  /** Already in the target, e.g. from an earlier, interrupted copy. */
  skipped: number;
  /** Files whose bytes no longer match their content address; left out and named here. */
  corrupt: string[];
}

const PARALLEL_COPIES = 8;

/** Every blob key under a local blob directory ("ab/abcd….png"), ignoring temporary files. */
async function localBlobKeys(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"),
    )
    .filter(isBlobKey)
    .sort();
}

/**
 * Copies a local DATA_DIR/blobs into another store (a bucket) under the same keys, so image rows
 * keep pointing at their bytes. Safe to run again: blobs already there are skipped. Each file is
 * checked against its sha256 before it is sent, so a damaged file is reported, not spread.
 */
export async function copyBlobs(
  sourceDirectory: string,
  target: BlobStore,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<CopyReport> {
  const keys = await localBlobKeys(sourceDirectory);
  const report: CopyReport = { copied: 0, skipped: 0, corrupt: [] };
  let next = 0;
  async function worker(): Promise<void> {
    for (let index = next++; index < keys.length; index = next++) {
      const key = keys[index]!;
      if (await target.has(key)) {
        report.skipped += 1;
      } else {
        const bytes = await readFile(path.join(sourceDirectory, ...key.split("/")));
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        const extension = path.extname(key).slice(1);
        if (key !== blobKeyFor(sha256, extension)) report.corrupt.push(key);
        else {
          await target.put(bytes, extension);
          report.copied += 1;
        }
      }
      onProgress(report.copied + report.skipped + report.corrupt.length, keys.length);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_COPIES }, worker));
  report.corrupt.sort();
  return report;
}
