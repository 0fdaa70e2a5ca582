import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { getGalleryImageId, revokeGallery } from "@/lib/db/queries/galleries";
import { getGalleryView, listGalleries } from "@/lib/views/gallery-views";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { createRun } from "@/lib/jobs/create-run";
import { runWithImages as seedRun, Z_IMAGE_CONFIG } from "@/lib/testing/runs-with-images";
import { emptyDatabase, openTestDatabase } from "@/lib/testing/test-database";
import { createGalleryBodySchema } from "@/lib/api/gallery-requests";
import { createGallery } from "./create-gallery";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());
beforeEach(async () => {
  await handle.db.execute(sql`truncate table galleries cascade`);
  await emptyDatabase(handle);
});

const zImage = Z_IMAGE_CONFIG;
const runWithImages = (prompt: string, perJob = 1) => seedRun(handle.db, prompt, perJob);

const share = (body: unknown) => createGallery(handle.db, createGalleryBodySchema.parse(body));

describe("galleries", () => {
  it("uses unguessable, URL-safe slugs of at least 128 random bits", async () => {
    const { run } = await runWithImages("a fox");
    const slugs = await Promise.all(Array.from({ length: 20 }, () => share({ runIds: [run.id] })));
    for (const { slug } of slugs) {
      expect(slug).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(slug, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    }
    expect(new Set(slugs.map((gallery) => gallery.slug)).size).toBe(20);
  });

  it("shares a whole run grouped by job, titled after the prompt by default", async () => {
    const { run, imageIds } = await runWithImages("a red fox in the snow", 2);
    const { slug } = await share({ runIds: [run.id], note: "for the client" });
    const gallery = await getGalleryView(handle.db, slug);
    expect(gallery).toMatchObject({ slug, title: "a red fox in the snow", note: "for the client" });
    expect(gallery?.runs).toHaveLength(1);
    expect(gallery?.runs[0]?.jobs.map((job) => [job.modelId, job.images.map((image) => image.id)])).toEqual([
      ["shortapi/z-image", imageIds[0]],
      ["dashscope/z-image-turbo", imageIds[1]],
    ]);
    expect(gallery?.runs[0]?.jobs[0]?.params).toMatchObject({ aspect_ratio: "16:9" });
  });

  it("shares images selected across runs, in selection order, each once", async () => {
    const first = await runWithImages("first prompt");
    const second = await runWithImages("second prompt");
    const picked = [second.imageIds[1]![0]!, first.imageIds[0]![0]!, second.imageIds[1]![0]!];
    const { slug } = await share({ title: "Picks", imageIds: picked });
    const gallery = await getGalleryView(handle.db, slug);
    expect(gallery?.title).toBe("Picks");
    expect(gallery?.runs.map((run) => [run.prompt, run.jobs.map((job) => job.modelId)])).toEqual([
      ["second prompt", ["dashscope/z-image-turbo"]],
      ["first prompt", ["shortapi/z-image"]],
    ]);
    expect(await getGalleryImageId(handle.db, slug, picked[0]!)).toBe(picked[0]);
    expect(await getGalleryImageId(handle.db, slug, second.imageIds[0]![0]!)).toBeNull();
  });

  it("rejects an empty selection and unknown or empty runs, naming each field", async () => {
    const { run } = await runWithImages("a fox");
    const bare = await createRun(
      handle.db,
      createRunBodySchema.parse({ prompt: "queued", models: [zImage] }),
      {},
    );
    await expect(share({})).rejects.toMatchObject({
      code: "invalid_input",
      issues: [{ path: "runIds" }, { path: "imageIds" }],
    });
    await expect(share({ runIds: [run.id, "nope", bare.id], imageIds: ["missing"] })).rejects.toMatchObject({
      code: "invalid_input",
      issues: [
        { path: "runIds.1", message: "Unknown run: nope" },
        { path: "runIds.2", message: "This run has no stored images" },
        { path: "imageIds.0", message: "Unknown image: missing" },
      ],
    });
    expect(await listGalleries(handle.db)).toEqual([]);
  });

  it("makes a revoked gallery indistinguishable from an unknown one", async () => {
    const { run, imageIds } = await runWithImages("a fox");
    const { slug } = await share({ runIds: [run.id] });
    expect(await listGalleries(handle.db)).toMatchObject([
      { slug, imageCount: 2, thumbnailUrl: expect.stringMatching(/\.webp$/) },
    ]);
    expect(await revokeGallery(handle.db, slug)).toBe(true);
    expect(await getGalleryView(handle.db, slug)).toBeNull();
    expect(await getGalleryView(handle.db, "unknown-slug")).toBeNull();
    expect(await getGalleryImageId(handle.db, slug, imageIds[0]![0]!)).toBeNull();
    expect(await revokeGallery(handle.db, slug)).toBe(false);
    expect(await listGalleries(handle.db)).toEqual([]);
  });
});
