import { unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { setUpStoreFixture } from "@/lib/testing/store-fixture";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { CONTACT_SHEET_NAME } from "@/lib/contact-sheet/run-contact-sheet";
import { contactSheetOf } from "@/lib/contact-sheet/sheet-cache";
import { newId } from "@/lib/db/ids";
import { insertImage } from "@/lib/db/queries/images";
import { isAppError } from "@/lib/errors";
import { createRun } from "@/lib/jobs/create-run";
import { storeImage } from "@/lib/jobs/store-image";
import { Z_IMAGE_CONFIG } from "@/lib/testing/runs-with-images";
import { stalledReads } from "@/lib/testing/stalled-reads";
import { pngImage } from "@/lib/testing/test-images";
import { eq } from "drizzle-orm";
import { createGalleryBodySchema } from "@/lib/api/gallery-requests";
import { listRunRows } from "@/lib/db/queries/runs";
import { galleries, galleryImages, jobs } from "@/lib/db/schema";
import { createGallery } from "@/lib/galleries/create-gallery";
import { cancelJob, chooseTake, rerunJob } from "@/lib/jobs/cell-control";
import { getRunView } from "@/lib/views/run-views";
import { toRunListView } from "@/lib/views/to-views";
import { runArchiveResponse } from "./run-archive";

const fixture = setUpStoreFixture("run-archive-");

/** A one-cell run with one stored image. */
async function storedRun(prompt: string, seed: number) {
  const run = await createRun(fixture.db, createRunBodySchema.parse({ prompt, models: [Z_IMAGE_CONFIG] }));
  const stored = await storeImage(fixture.store, await pngImage(64, 64, seed));
  await insertImage(fixture.db, { id: newId(), jobId: run.jobs[0]!.id, runId: run.id, index: 0, ...stored });
  return run;
}

const filesOf = async (response: Response) => unzipSync(new Uint8Array(await response.arrayBuffer()));

describe("the run ZIP's contact sheet", () => {
  it("is the sheet kept for the run's version: drawn once for the ZIP and the sheet route together", async () => {
    const run = await storedRun("a kite over dunes", 1);
    const puts = vi.spyOn(fixture.store, "put");
    try {
      const files = await filesOf(await runArchiveResponse(fixture.db, fixture.store, run.id));
      expect(puts).toHaveBeenCalledTimes(1);
      const sheet = await contactSheetOf(fixture.db, fixture.store, run.id);
      expect(puts).toHaveBeenCalledTimes(1);
      expect(Buffer.from(files[CONTACT_SHEET_NAME]!).equals(sheet!.png)).toBe(true);
      await filesOf(await runArchiveResponse(fixture.db, fixture.store, run.id));
      expect(puts).toHaveBeenCalledTimes(1);
    } finally {
      puts.mockRestore();
    }
  });

  it("waits for a render slot like the sheet route, and is refused with 503 + Retry-After before the first byte", async () => {
    const busy = await storedRun("a heron", 2);
    const asked = await storedRun("a moth", 3);
    // The first render holds the only slot until released: it is stuck reading its image.
    const { store: slow, reading, release } = stalledReads(fixture.store);
    const options = { slots: 1, waitMs: 1 };
    const holder = contactSheetOf(fixture.db, slow, busy.id, options);
    await reading;
    const refused = await runArchiveResponse(fixture.db, fixture.store, asked.id, options).catch(
      (error) => error,
    );
    release();
    await holder;
    expect(isAppError(refused) && refused.status).toBe(503);
    expect(refused.headers).toMatchObject({ "Retry-After": "5" });
    // The slot is free again: the ZIP comes, sheet and all.
    const files = await filesOf(await runArchiveResponse(fixture.db, fixture.store, asked.id, options));
    expect(files[CONTACT_SHEET_NAME]).toBeDefined();
  });

  it("is not drawn for a run with no stored images: that ZIP is 404 at once", async () => {
    const run = await createRun(
      fixture.db,
      createRunBodySchema.parse({ prompt: "an empty shelf", models: [Z_IMAGE_CONFIG] }),
    );
    const puts = vi.spyOn(fixture.store, "put");
    try {
      const refused = await runArchiveResponse(fixture.db, fixture.store, run.id).catch((error) => error);
      expect(isAppError(refused) && refused.status).toBe(404);
      expect(puts).not.toHaveBeenCalled();
    } finally {
      puts.mockRestore();
    }
  });
});

// The take that counts, end to end: "Use this take" stores the choice, and the run's ZIP, a share
// link of the whole run and the history's counts all follow the one rule (lib/models/takes.ts).

/** The job succeeded with one stored image. */
async function succeed(jobId: string, runId: string, seed: number): Promise<string> {
  const id = newId();
  const stored = await storeImage(fixture.store, await pngImage(32, 32, seed));
  await insertImage(fixture.db, { id, jobId, runId, index: 0, ...stored });
  await fixture.db
    .update(jobs)
    .set({ status: "succeeded", finishedAt: new Date() })
    .where(eq(jobs.id, jobId));
  return id;
}

const zipImages = async (runId: string) =>
  Object.keys(await filesOf(await runArchiveResponse(fixture.db, fixture.store, runId)))
    .filter((name) => name.endsWith(".png") && name !== CONTACT_SHEET_NAME)
    .sort();

async function sharedImageIds(runId: string): Promise<string[]> {
  const { slug } = await createGallery(fixture.db, createGalleryBodySchema.parse({ runIds: [runId] }));
  const [gallery] = await fixture.db.select().from(galleries).where(eq(galleries.slug, slug));
  const rows = await fixture.db.select().from(galleryImages).where(eq(galleryImages.galleryId, gallery!.id));
  return rows.map((row) => row.imageId);
}

describe("the take that counts", () => {
  it("a canceled extra take leaves the first take counting, in the ZIP, a share link and the history", async () => {
    const run = await createRun(
      fixture.db,
      createRunBodySchema.parse({ prompt: "a kite", models: [Z_IMAGE_CONFIG] }),
    );
    const first = await succeed(run.jobs[0]!.id, run.id, 1);
    const extra = await rerunJob(fixture.db, run.jobs[0]!.id);
    await cancelJob(fixture.db, extra.id);

    expect(await zipImages(run.id)).toEqual([expect.stringMatching(/^p1-z-image-take1-/)]);
    expect(await sharedImageIds(run.id)).toEqual([first]);
    const history = toRunListView(await listRunRows(fixture.db, { limit: 50 }));
    expect(history.runs.find((entry) => entry.id === run.id)?.statuses).toEqual(["succeeded"]);
  });

  it("Use this take makes an older take count instead of the newest, and only a succeeded take can", async () => {
    const run = await createRun(
      fixture.db,
      createRunBodySchema.parse({ prompt: "a heron", models: [Z_IMAGE_CONFIG] }),
    );
    const first = await succeed(run.jobs[0]!.id, run.id, 2);
    const second = await rerunJob(fixture.db, run.jobs[0]!.id);
    const newest = await succeed(second.id, run.id, 3);
    expect(await sharedImageIds(run.id)).toEqual([newest]);
    expect(await zipImages(run.id)).toEqual([expect.stringMatching(/-take2-/)]);

    const chosen = await chooseTake(fixture.db, run.jobs[0]!.id);
    expect(chosen.chosenAt).toEqual(expect.any(String));
    expect(await sharedImageIds(run.id)).toEqual([first]);
    expect(await zipImages(run.id)).toEqual([expect.stringMatching(/-take1-/)]);
    const view = await getRunView(fixture.db, run.id);
    expect(view?.jobs.map((job) => Boolean(job.chosenAt))).toEqual([true, false]);

    const third = await rerunJob(fixture.db, second.id);
    await cancelJob(fixture.db, third.id);
    const refused = await chooseTake(fixture.db, third.id).catch((error: unknown) => error);
    expect(isAppError(refused) && [refused.code, refused.message]).toEqual([
      "conflict",
      "Take 3 is canceled: only a take with images can be the one that counts.",
    ]);
    const unknown = await chooseTake(fixture.db, "no-such-job").catch((error: unknown) => error);
    expect(isAppError(unknown) && unknown.code).toBe("not_found");
  });
});
