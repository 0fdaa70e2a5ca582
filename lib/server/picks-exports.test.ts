import { unzipSync } from "fflate";
import { describe, expect, it, vi } from "vitest";
import { setUpStoreFixture } from "@/lib/testing/store-fixture";
import { picksSheetOf } from "@/lib/contact-sheet/picks-contact-sheet";
import { CONTACT_SHEET_NAME } from "@/lib/contact-sheet/run-contact-sheet";
import { contactSheetOf } from "@/lib/contact-sheet/sheet-cache";
import { newId } from "@/lib/db/ids";
import { insertImage, updateImageAnnotations } from "@/lib/db/queries/images";
import { listPickRowsByIds } from "@/lib/db/queries/picks";
import { isAppError } from "@/lib/errors";
import { runWithImages } from "@/lib/testing/runs-with-images";
import { stalledReads } from "@/lib/testing/stalled-reads";
import { storeImage } from "@/lib/jobs/store-image";
import { pngImage } from "@/lib/testing/test-images";
import { picksDownloadResponse, picksSheetResponse } from "./picks-exports";

const fixture = setUpStoreFixture("picks-exports-");

/** Both images of a new run, starred: a selection of two picks (their bytes stored when asked). */
async function twoPicks(prompt: string, stored = false) {
  const { run } = await runWithImages(fixture.db, prompt, 0);
  const ids: string[] = [];
  for (const [index, job] of run.jobs.entries()) {
    const id = newId();
    const image = stored
      ? await storeImage(fixture.store, await pngImage(64, 64, index + 1))
      : { blobKey: `${id}.png`, thumbnailKey: `${id}.webp`, width: 64, height: 64, byteSize: 10 };
    await insertImage(fixture.db, {
      contentType: "image/png",
      sha256: id,
      ...image,
      id,
      jobId: job.id,
      runId: run.id,
      index: 0,
    });
    await updateImageAnnotations(fixture.db, id, { starred: true });
    ids.push(id);
  }
  return ids;
}

describe("picksSheetOf", () => {
  it("draws a selection once for every request for it meanwhile, and again for another order or note", async () => {
    const ids = await twoPicks("a lantern in fog");
    const gets = vi.spyOn(fixture.store, "get");
    try {
      const rows = await listPickRowsByIds(fixture.db, ids);
      const burst = await Promise.all(Array.from({ length: 10 }, () => picksSheetOf(fixture.store, rows)));
      // One drawing reads each of the two images once.
      expect(gets).toHaveBeenCalledTimes(2);
      expect(new Set(burst.map((png) => png.toString("base64"))).size).toBe(1);

      await Promise.all([
        picksSheetOf(fixture.store, [...rows].reverse()),
        picksSheetOf(fixture.store, rows),
      ]);
      expect(gets).toHaveBeenCalledTimes(6);

      await updateImageAnnotations(fixture.db, ids[0]!, { note: "the warmer one" });
      const noted = await listPickRowsByIds(fixture.db, ids);
      await Promise.all([picksSheetOf(fixture.store, noted), picksSheetOf(fixture.store, rows)]);
      expect(gets).toHaveBeenCalledTimes(10);
    } finally {
      gets.mockRestore();
    }
  });
});

describe("the picks contact sheet and ZIP", () => {
  it("wait for the render slot a run's sheet holds, and are refused with 503 + Retry-After before the first byte", async () => {
    const { run } = await runWithImages(fixture.db, "a harbour at night");
    const ids = await twoPicks("a paper boat", true);
    // The run's sheet holds the only slot until released: it is stuck reading its first image.
    const { store: slow, reading, release } = stalledReads(fixture.store);
    const options = { slots: 1, waitMs: 1 };
    const holder = contactSheetOf(fixture.db, slow, run.id, options);
    await reading;
    const refused = await Promise.all(
      [picksSheetResponse, picksDownloadResponse].map((respond) =>
        respond(fixture.db, fixture.store, ids, options).catch((error) => error),
      ),
    );
    release();
    await holder;
    for (const error of refused) {
      expect(isAppError(error) && error.status).toBe(503);
      expect(error.headers).toMatchObject({ "Retry-After": "5" });
    }
    // The slot is free again: the sheet is drawn, and the ZIP comes with it.
    const sheet = await picksSheetResponse(fixture.db, fixture.store, ids, options);
    expect(sheet.headers.get("Content-Type")).toBe("image/png");
    const zip = await picksDownloadResponse(fixture.db, fixture.store, ids, options);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Buffer.from(files[CONTACT_SHEET_NAME]!).subarray(1, 4).toString()).toBe("PNG");
  });
});
