import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { NOT_IMAGES } from "@/lib/testing/input-images";
import { openTestDatabase } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";
import { createInputFromFile, createInputFromImage } from "./create-input";

let handle: DatabaseHandle;
let root: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  root = await mkdtemp(path.join(os.tmpdir(), "prism-inputs-store-"));
});
afterAll(async () => {
  await handle.close();
  await rm(root, { recursive: true, force: true });
});

async function file(bytes: Uint8Array): Promise<string> {
  const filePath = path.join(root, `upload-${Math.random()}`);
  await writeFile(filePath, bytes);
  return filePath;
}

const blobsIn = async (store: string) =>
  (await readdir(store, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;

describe("storing inputs", () => {
  it("stores the image and its thumbnail content-addressed: one input per distinct image", async () => {
    const store = createLocalBlobStore(path.join(root, "blobs-a"));
    const png = await pngImage(256, 256, 9);
    const first = await createInputFromFile(handle.db, store, await file(png));
    const again = await createInputFromFile(handle.db, store, await file(png));
    expect(again.id).toBe(first.id);
    expect(first.id.length).toBeGreaterThanOrEqual(22);
    expect(await store.has(first.blobKey)).toBe(true);
    expect(await store.has(first.thumbnailKey)).toBe(true);
    const other = await createInputFromFile(handle.db, store, await file(await pngImage(256, 256, 10)));
    expect(other.id).not.toBe(first.id);
  });

  it("stores nothing for a refused upload", async () => {
    const directory = path.join(root, "blobs-b");
    const store = createLocalBlobStore(directory);
    await expect(createInputFromFile(handle.db, store, await file(NOT_IMAGES.svg))).rejects.toMatchObject({
      status: 415,
    });
    expect(await blobsIn(directory).catch(() => 0)).toBe(0);
  });

  it("names fromImageId when no stored image has that id", async () => {
    const store = createLocalBlobStore(path.join(root, "blobs-c"));
    await expect(createInputFromImage(handle.db, store, "nope")).rejects.toMatchObject({
      status: 422,
      issues: [{ path: "fromImageId" }],
    });
  });
});
