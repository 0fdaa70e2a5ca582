import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import type * as FsPromises from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { BlobStoreError } from "./blob-store";
import { createLocalBlobStore } from "./local-blob-store";
import { describeDiskError, localDiskHealth, sweepTemporaryFiles } from "./local-disk";

// Disk trouble on demand: root ignores permission bits, so writes fail through this switch instead.
const failWrites = vi.hoisted(() => ({ code: undefined as string | undefined }));
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  const writeFile: typeof actual.writeFile = (...args) =>
    failWrites.code
      ? Promise.reject(Object.assign(new Error(`${failWrites.code}: simulated`), { code: failWrites.code }))
      : actual.writeFile(...args);
  return { ...actual, writeFile };
});

const root = mkdtempSync(path.join(os.tmpdir(), "prism-local-disk-"));
afterEach(() => (failWrites.code = undefined));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const filesIn = (directory: string) => readdirSync(directory, { recursive: true }).map(String).sort();

describe("local disk trouble", () => {
  it("names the cause of a failed write in words", () => {
    expect(describeDiskError(Object.assign(new Error(), { code: "ENOSPC" }))).toBe("disk full");
    expect(describeDiskError(Object.assign(new Error(), { code: "EACCES" }))).toBe(
      "the images folder is not writable",
    );
    expect(describeDiskError(Object.assign(new Error(), { code: "EWHAT" }))).toBe("disk error (EWHAT)");
  });

  it("fails a write on a full disk as a BlobStoreError saying so, leaving no temporary file", async () => {
    const directory = path.join(root, "full");
    const store = createLocalBlobStore(directory);
    failWrites.code = "ENOSPC";
    const write = store.put(new Uint8Array([1, 2, 3]), "png");
    await expect(write).rejects.toBeInstanceOf(BlobStoreError);
    await expect(write).rejects.toMatchObject({ reason: "disk full" });
    expect(filesIn(directory).filter((name) => name.includes(".tmp-"))).toEqual([]);
    failWrites.code = undefined;
    await expect(store.put(new Uint8Array([1, 2, 3]), "png")).resolves.toMatchObject({ key: /\.png$/ });
  });

  it("reports whether the images folder can take a write", async () => {
    expect(await localDiskHealth(path.join(root, "healthy"))).toEqual({ writable: true });
    failWrites.code = "EROFS";
    expect(await localDiskHealth(path.join(root, "healthy"))).toEqual({
      writable: false,
      reason: "the images folder is on a read-only disk",
    });
    failWrites.code = undefined;
    const file = path.join(root, "a-file");
    writeFileSync(file, "");
    expect(await localDiskHealth(path.join(file, "blobs"))).toMatchObject({ writable: false });
    expect(filesIn(path.join(root, "healthy"))).toEqual([]);
  });

  it("removes temporary files of writes interrupted before start, and nothing else", async () => {
    const directory = path.join(root, "sweep");
    mkdirSync(path.join(directory, "ab"), { recursive: true });
    const startedAt = new Date();
    const old = new Date(startedAt.getTime() - 60_000);
    for (const name of ["ab/.tmp-1a2b", ".tmp-3c4d", "ab/ab12.png"]) {
      writeFileSync(path.join(directory, name), "x");
      utimesSync(path.join(directory, name), old, old);
    }
    writeFileSync(path.join(directory, "ab/.tmp-now"), "x");
    // File times come from a coarse clock; a write of this process is dated after its start.
    const later = new Date(startedAt.getTime() + 1_000);
    utimesSync(path.join(directory, "ab/.tmp-now"), later, later);
    expect(await sweepTemporaryFiles(directory, startedAt)).toBe(2);
    expect(filesIn(directory)).toEqual(["ab", "ab/.tmp-now", "ab/ab12.png"]);
    expect(await sweepTemporaryFiles(path.join(root, "missing"), startedAt)).toBe(0);
  });
});
