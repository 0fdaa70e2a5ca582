import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesOf } from "@/lib/testing/blob-store-contract";
import { startS3TestServer, type S3TestServer } from "@/lib/testing/s3-test-server";
import { blobKeyFor } from "./blob-store";
import { copyBlobs } from "./copy-blobs";
import { createLocalBlobStore } from "./local-blob-store";
import { createS3BlobStore } from "./s3-blob-store";

let s3: S3TestServer;
let dataDir: string;
beforeAll(async () => {
  s3 = await startS3TestServer({ bucket: "prism-copy" });
  dataDir = await mkdtemp(path.join(os.tmpdir(), "prism-copy-"));
});
afterAll(async () => {
  await s3.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** A DATA_DIR/blobs as a running instance leaves it: blobs, a stray temporary file, and `damaged`. */
async function seedLocalBlobs(directory: string, contents: string[]) {
  const local = createLocalBlobStore(directory);
  const keys = await Promise.all(
    contents.map((text) => local.put(Buffer.from(text), "png").then((r) => r.key)),
  );
  await writeFile(path.join(directory, keys[0]!.split("/")[0]!, ".tmp-0123456789abcdef"), "partial");
  const damaged = blobKeyFor("ee".repeat(32), "webp");
  await mkdir(path.join(directory, "ee"), { recursive: true });
  await writeFile(path.join(directory, ...damaged.split("/")), "not what the name says");
  return { keys, damaged };
}

describe("copying local blobs into a bucket", () => {
  it("copies every blob under its key, skips what is there, and reports damaged files", async () => {
    const source = path.join(dataDir, "direct");
    const { keys, damaged } = await seedLocalBlobs(source, ["one", "two", "three"]);
    const bucket = createS3BlobStore(s3.settings);
    await bucket.put(Buffer.from("two"), "png");

    const report = await copyBlobs(source, bucket);
    expect(report).toEqual({ copied: 2, skipped: 1, corrupt: [damaged] });
    for (const [index, text] of ["one", "two", "three"].entries()) {
      expect((await bytesOf((await bucket.get(keys[index]!))!.stream)).toString()).toBe(text);
    }
    expect(await bucket.has(damaged)).toBe(false);
    expect(await copyBlobs(source, bucket)).toEqual({ copied: 0, skipped: 3, corrupt: [damaged] });
  });

  it("runs as `npm run storage:copy-to-bucket` with DATA_DIR and S3_* variables", async () => {
    const instanceDir = path.join(dataDir, "instance");
    const { keys, damaged } = await seedLocalBlobs(path.join(instanceDir, "blobs"), ["cli-a", "cli-b"]);
    const run = promisify(execFile)("npm", ["run", "--silent", "storage:copy-to-bucket"], {
      env: { ...process.env, DATA_DIR: instanceDir, ...s3.env },
    });
    const failure = await run.then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain("Copied 2, already there 0, damaged 1");
    expect(failure?.stderr).toContain(`damaged, not copied: ${damaged}`);
    expect(failure?.stderr).not.toMatch(/NodeVersionSupportWarning/);
    const bucket = createS3BlobStore(s3.settings);
    for (const key of keys) expect(await bucket.has(key)).toBe(true);
  });
});
