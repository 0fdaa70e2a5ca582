import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeBlobStoreContract } from "@/lib/testing/blob-store-contract";
import { contentTypeOfBlobKey, isBlobKey } from "./blob-store";
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

describeBlobStoreContract("local disk", () => createLocalBlobStore(root));

describe("local blob store", () => {
  it("keeps blobs in two-hex-digit folders and leaves no temporary file after concurrent writes", async () => {
    const store = createLocalBlobStore(root);
    const bytes = Buffer.alloc(256 * 1024, 7);
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes, "webp")));

    expect(results[0]!.key.startsWith(`${results[0]!.sha256.slice(0, 2)}/`)).toBe(true);
    expect(await allFiles(root)).toEqual([path.basename(results[0]!.key)]);
  });

  it("accepts only content-address keys", () => {
    expect(isBlobKey(`ab/ab${"0".repeat(62)}.png`)).toBe(true);
    expect(isBlobKey(`ab/${"a".repeat(64)}.png`)).toBe(false);
    expect(contentTypeOfBlobKey(`ab/ab${"0".repeat(62)}.jpg`)).toBe("image/jpeg");
  });
});
