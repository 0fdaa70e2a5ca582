import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import type { DatabaseHandle } from "@/lib/db/client";
import { getInputById } from "@/lib/db/queries/inputs";
import { deleteRun, getRunRows } from "@/lib/db/queries/runs";
import { createInputFromFile } from "@/lib/inputs/create-input";
import { inputImageNotes, inputShortfall } from "@/lib/models/input-notes";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { openTestDatabase } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";
import { createRun } from "./create-run";
import { inputReferences, MAX_DATA_URI_BYTES } from "./input-references";

let handle: DatabaseHandle;
let root: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  root = await mkdtemp(path.join(os.tmpdir(), "prism-run-inputs-"));
});
afterAll(async () => {
  await handle.close();
  await rm(root, { recursive: true, force: true });
});

const blobStore = () => createLocalBlobStore(path.join(root, "blobs"));

async function storedInput(seed: number) {
  const filePath = path.join(root, `upload-${seed}`);
  await writeFile(filePath, await pngImage(128, 128, seed));
  return createInputFromFile(handle.db, blobStore(), filePath);
}

const body = (inputs?: string[]) =>
  createRunBodySchema.parse({
    prompt: "make it blue",
    models: [{ modelId: "dashscope/z-image-turbo" }],
    inputs,
  });

describe("runs with inputs", () => {
  it("refuses an unknown input id with 422 naming inputs.N", async () => {
    const known = await storedInput(1);
    await expect(createRun(handle.db, body([known.id, "no-such-input"]))).rejects.toMatchObject({
      status: 422,
      issues: [{ path: "inputs.1" }],
    });
  });

  it("keeps the inputs in order, and a text-only model notes it ignores them", async () => {
    const [first, second] = [await storedInput(2), await storedInput(3)];
    const created = await createRun(handle.db, body([second.id, first.id]));
    const rows = await getRunRows(handle.db, created.id);
    expect(rows?.inputs?.map((input) => input.id)).toEqual([second.id, first.id]);
    expect(rows?.jobs[0]?.notes).toContain("Z-Image Turbo ignores your images");
  });

  it("deleting a run never deletes an input another run uses; an unused one goes with its blobs", async () => {
    const shared = await storedInput(4);
    const own = await storedInput(5);
    const first = await createRun(handle.db, body([shared.id, own.id]));
    await createRun(handle.db, body([shared.id]));
    const { orphanedBlobKeys } = await deleteRun(handle.db, first.id);
    expect(await getInputById(handle.db, shared.id)).not.toBeNull();
    expect(await getInputById(handle.db, own.id)).toBeNull();
    expect(orphanedBlobKeys).toEqual(expect.arrayContaining([own.blobKey, own.thumbnailKey]));
    expect(orphanedBlobKeys).not.toContain(shared.blobKey);
  });

  it("sends a data-uri provider the first max inputs as data URIs", async () => {
    const [a, b] = [await storedInput(6), await storedInput(7)];
    const created = await createRun(handle.db, body([a.id, b.id]));
    const references = await inputReferences(
      handle.db,
      blobStore(),
      created.id,
      { inputImages: { min: 1, max: 1 } },
      "data-uri",
    );
    expect(references).toHaveLength(1);
    expect(references[0]).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(
      await inputReferences(
        handle.db,
        blobStore(),
        created.id,
        { inputImages: { min: 0, max: 0 } },
        "data-uri",
      ),
    ).toEqual([]);
  });
});

/** A noise PNG (noise does not compress): `width × height × 3` bytes and more once stored. */
async function noiseInput(width: number, height: number) {
  const pixels = randomBytes(width * height * 3);
  const filePath = path.join(root, `noise-${width}x${height}`);
  await writeFile(
    filePath,
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .png({ compressionLevel: 1 })
      .toBuffer(),
  );
  return createInputFromFile(handle.db, blobStore(), filePath);
}

/** The data URI a Qwen Image Edit job of this run sends. */
async function sentToDashscope(runId: string): Promise<string> {
  const edit = { inputImages: { min: 1, max: 3, maxSide: 3072 } };
  const [uri] = await inputReferences(handle.db, blobStore(), runId, edit, "data-uri");
  return uri!;
}

const dataUriBytes = (uri: string) => Buffer.from(uri.slice(uri.indexOf(",") + 1), "base64");

describe("inputs larger than a provider takes", () => {
  const editBody = (inputs: string[]) =>
    createRunBodySchema.parse({
      prompt: "make it blue",
      models: [{ modelId: "dashscope/qwen-image-edit-plus" }],
      inputs,
    });

  it("are sent downscaled to the documented longest side, and the model's notes say so", async () => {
    const wide = await noiseInput(4000, 1000);
    const created = await createRun(handle.db, editBody([wide.id]));
    const rows = await getRunRows(handle.db, created.id);
    expect(rows?.jobs[0]?.notes).toContain(
      "Qwen Image Edit Plus takes at most 3072 px a side: your image is sent at 3072×768",
    );
    const uri = await sentToDashscope(created.id);
    expect(await sharp(dataUriBytes(uri)).metadata()).toMatchObject({ width: 3072, height: 768 });
  });

  it("never send a data URI over 10 MB", async () => {
    const heavy = await noiseInput(2600, 2600);
    expect(heavy.byteSize).toBeGreaterThan(MAX_DATA_URI_BYTES);
    const created = await createRun(handle.db, editBody([heavy.id]));
    const uri = await sentToDashscope(created.id);
    expect(uri.length).toBeLessThanOrEqual(MAX_DATA_URI_BYTES);
    const { width, height } = await sharp(dataUriBytes(uri)).metadata();
    expect(width).toBe(height);
  });
});

describe("input notes", () => {
  it("say which inputs a model used, and refuse fewer than it needs", () => {
    expect(inputImageNotes("FLUX image-to-image", { min: 1, max: 1 }, 3)).toEqual([
      "FLUX image-to-image takes one image: used the first 1 of 3",
    ]);
    expect(inputImageNotes("Qwen edit", { min: 1, max: 3 }, 2)).toEqual([]);
    expect(inputShortfall("Qwen edit", { min: 2, max: 3 }, 1)).toBe(
      "Qwen edit needs at least 2 input images; this run has 1",
    );
    expect(inputShortfall("Qwen edit", { min: 1, max: 3 }, 0)).toBe(
      "Qwen edit needs an input image; this run has 0",
    );
  });
});
