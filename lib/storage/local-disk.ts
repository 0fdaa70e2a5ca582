import "server-only";
import { randomBytes } from "node:crypto";
import { type Dirent } from "node:fs";
import { mkdir, readdir, rm, stat, statfs, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StorageHealth } from "./blob-store";

/** Temporary files start with this, so a sweep can tell them from blobs. */
export const TEMP_PREFIX = ".tmp-";

/** Below this much free space new images are refused: the largest image the safe fetcher takes is 25 MB. */
const MIN_FREE_BYTES = 64 * 1024 * 1024;

const FS_REASONS: Record<string, string> = {
  ENOSPC: "disk full",
  EDQUOT: "disk quota exceeded",
  EACCES: "the images folder is not writable",
  EPERM: "the images folder is not writable",
  EROFS: "the images folder is on a read-only disk",
  ENOTDIR: "the images folder is not a folder",
  EIO: "disk read/write error",
};

/** A file-system error in a few words a person can act on. */
export function describeDiskError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && FS_REASONS[code]) ?? `disk error${code ? ` (${code})` : ""}`;
}

/** Enough free space and a folder this process can write to: probed with a tiny temporary file. */
export async function localDiskHealth(directory: string): Promise<StorageHealth> {
  try {
    await mkdir(directory, { recursive: true });
    const { bavail, bsize } = await statfs(directory);
    if (bavail * bsize < MIN_FREE_BYTES) return { writable: false, reason: "disk full" };
    const probe = path.join(directory, `${TEMP_PREFIX}probe-${randomBytes(6).toString("hex")}`);
    try {
      await writeFile(probe, "ok");
    } finally {
      await rm(probe, { force: true });
    }
    return { writable: true };
  } catch (error) {
    return { writable: false, reason: describeDiskError(error) };
  }
}

/**
 * Removes temporary files an interrupted write left behind (kill -9 between write and rename).
 * Only those older than `startedAt`, so a write this process began meanwhile is left alone.
 * Returns how many it removed.
 */
export async function sweepTemporaryFiles(directory: string, startedAt: Date): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await readdir(directory, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  const removed = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && entry.name.startsWith(TEMP_PREFIX))
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        const { mtime } = await stat(file).catch(() => ({ mtime: startedAt }));
        if (mtime >= startedAt) return false;
        await rm(file, { force: true });
        return true;
      }),
  );
  return removed.filter(Boolean).length;
}
