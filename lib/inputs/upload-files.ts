import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Uploads wait in a private temporary file while they are checked, one folder per process
 * (`<tmp>/prism-inputs/<pid>/`), so a crash leaves at most a temp file, never a blob or a row, and
 * the next boot can tell a dead process's files from those of another instance on the same host.
 */

const uploadRoot = () => path.join(/* turbopackIgnore: true */ tmpdir(), "prism-inputs");

/** A fresh temporary file path for one upload of this process. */
export async function temporaryUploadPath(): Promise<string> {
  const directory = path.join(uploadRoot(), String(process.pid));
  await mkdir(directory, { recursive: true, mode: 0o700 });
  return path.join(directory, `${randomUUID()}.upload`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, only not ours to signal.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes what interrupted uploads left: the folders of processes that are gone, and this pid's
 * files older than `startedAt` (a restarted container often gets the same pid). Another live
 * instance's folder is left alone. Returns how many files it removed.
 */
export async function sweepInterruptedUploads(startedAt: Date, root = uploadRoot()): Promise<number> {
  const folders = await readdir(root, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const folder of folders) {
    if (!folder.isDirectory() || !/^\d+$/.test(folder.name)) continue;
    const directory = path.join(root, folder.name);
    const pid = Number(folder.name);
    const files = await readdir(directory).catch(() => []);
    if (pid !== process.pid) {
      if (isAlive(pid)) continue;
      await rm(directory, { recursive: true, force: true });
      removed += files.length;
      continue;
    }
    for (const name of files) {
      const file = path.join(directory, name);
      const { mtime } = await stat(file).catch(() => ({ mtime: startedAt }));
      if (mtime >= startedAt) continue;
      await rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}
