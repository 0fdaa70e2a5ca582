import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blobKeyFor, contentTypeOfBlobKey, isBlobKey } from "./blob-store";
import { createLocalBlobStore } from "./local-blob-store";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "prism-blobs-"));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function allFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

const bytesOf = async (stream: ReadableStream<Uint8Array>) =>
  Buffer.from(await new Response(stream).arrayBuffer());

describe("local blob store", () => {
  it("stores bytes under their sha256 and reads them back as a stream", async () => {
    const store = createLocalBlobStore(root);
    const bytes = Buffer.from("fake png bytes");
    const { key, sha256 } = await store.put(bytes, "png");

    expect(sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(key).toBe(blobKeyFor(sha256, "png"));
    expect(key.startsWith(`${sha256.slice(0, 2)}/`)).toBe(true);
    const blob = await store.get(key);
    expect(blob?.byteSize).toBe(bytes.length);
    expect(await bytesOf(blob!.stream)).toEqual(bytes);
    expect(await store.has(key)).toBe(true);
  });

  it("stores the same bytes once, even when written concurrently, and leaves no temporary file", async () => {
    const store = createLocalBlobStore(root);
    const bytes = Buffer.alloc(256 * 1024, 7);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes, "webp")));

    expect(new Set(results.map((result) => result.key)).size).toBe(1);
    expect(await allFiles(root)).toEqual([path.basename(results[0]!.key)]);
  });

  it("refuses keys that are not content addresses, including traversal attempts", async () => {
    const store = createLocalBlobStore(root);
    for (const key of ["../etc/passwd", "ab/../../secret.png", "zz/zz.png", `ab/${"a".repeat(64)}.png`, ""]) {
      expect(await store.get(key)).toBeNull();
    }
    expect(isBlobKey(`ab/ab${"0".repeat(62)}.png`)).toBe(true);
    expect(contentTypeOfBlobKey(`ab/ab${"0".repeat(62)}.jpg`)).toBe("image/jpeg");
  });

  it("returns null for an unknown key and deletes idempotently", async () => {
    const store = createLocalBlobStore(root);
    const { key } = await store.put(Buffer.from("x"), "png");
    await store.delete(key);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
  });
});
