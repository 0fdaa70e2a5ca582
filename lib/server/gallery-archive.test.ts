import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createGalleryBodySchema } from "@/lib/api/gallery-requests";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { newId } from "@/lib/db/ids";
import { insertImage } from "@/lib/db/queries/images";
import { insertOrFindInput, linkRunInputs } from "@/lib/db/queries/inputs";
import { createGallery } from "@/lib/galleries/create-gallery";
import { createRun } from "@/lib/jobs/create-run";
import { storeImage } from "@/lib/jobs/store-image";
import { DASHSCOPE_CONFIG, Z_IMAGE_CONFIG } from "@/lib/testing/runs-with-images";
import { setUpStoreFixture } from "@/lib/testing/store-fixture";
import { pngImage } from "@/lib/testing/test-images";
import { galleryArchiveResponse } from "./gallery-archive";

const fixture = setUpStoreFixture("gallery-archive-");

/** A two-model edit run of two prompts with stored images, and its one stored input. */
async function editRun() {
  const run = await createRun(
    fixture.db,
    createRunBodySchema.parse({
      prompts: ["make the fox blue", "make the fox green"],
      models: [Z_IMAGE_CONFIG, DASHSCOPE_CONFIG],
    }),
  );
  for (const [index, job] of run.jobs.entries()) {
    const stored = await storeImage(fixture.store, await pngImage(64, 48, index + 1));
    await insertImage(fixture.db, { id: newId(), jobId: job.id, runId: run.id, index: 0, ...stored });
  }
  const bytes = await pngImage(80, 60, 9);
  const input = await insertOrFindInput(fixture.db, {
    id: newId(),
    ...(await storeImage(fixture.store, bytes)),
  });
  await linkRunInputs(fixture.db, run.id, [input.id]);
  return { run, input, bytes };
}

const zipOf = async (slug: string) =>
  unzipSync(
    new Uint8Array(await (await galleryArchiveResponse(fixture.db, fixture.store, slug)).arrayBuffer()),
  );

describe("a shared gallery's ZIP", () => {
  it("holds the inputs of a blind review under the review's own id, naming no run, model or owner id", async () => {
    const { run, input, bytes } = await editRun();
    const share = async (review?: { blind: boolean }) =>
      (await createGallery(fixture.db, createGalleryBodySchema.parse({ runIds: [run.id], review }))).slug;

    const plain = await zipOf(await share());
    expect(Buffer.from(plain["inputs/input-1.png"]!).equals(bytes)).toBe(true);

    const files = await zipOf(await share({ blind: true }));
    expect(Object.keys(files).filter((name) => name.startsWith("inputs/"))).toEqual(["inputs/input-1.png"]);
    expect(Buffer.from(files["inputs/input-1.png"]!).equals(bytes)).toBe(true);
    const manifest = strFromU8(files["manifest.json"]!);
    const { inputs } = JSON.parse(manifest) as { inputs: { id: string; prompts: number[]; file: string }[] };
    expect(inputs).toEqual([{ file: "inputs/input-1.png", id: expect.any(String), prompts: [1, 2] }]);
    expect(manifest).not.toMatch(/"(width|height|byteSize|contentType)"/);
    for (const leak of [input.id, input.blobKey, run.id, "runId", "shortapi", "dashscope", "z-image"]) {
      expect(manifest).not.toContain(leak);
    }
  });
});
