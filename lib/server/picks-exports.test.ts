import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { picksSheetOf } from "@/lib/contact-sheet/picks-contact-sheet";
import { CONTACT_SHEET_NAME } from "@/lib/contact-sheet/run-contact-sheet";
import { contactSheetOf } from "@/lib/contact-sheet/sheet-cache";
import { newId } from "@/lib/db/ids";
import { insertImage, updateImageAnnotations } from "@/lib/db/queries/images";
import { listPickRowsByIds } from "@/lib/db/queries/picks";
import { isAppError } from "@/lib/errors";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { runWithImages } from "@/lib/testing/runs-with-images";
import { stalledReads } from "@/lib/testing/stalled-reads";
import { openTestDatabase } from "@/lib/testing/test-database";
import { storeImage } from "@/lib/jobs/store-image";
import { pngImage } from "@/lib/testing/test-images";
import { picksDownloadResponse, picksSheetResponse } from "./picks-exports";

let handle: DatabaseHandle;
let directory: string;
let store: BlobStore;
beforeAll(async () => {
  handle = await openTestDatabase();
  directory = await mkdtemp(path.join(tmpdir(), "picks-exports-"));
  store = createLocalBlobStore(directory);
});
afterAll(async () => {
  await handle.close();
  await rm(directory, { recursive: true, force: true });
});

/** Both images of a new run, starred: a selection of two picks (their bytes stored when asked). */
async function twoPicks(prompt: string, stored = false) {
  const { run } = await runWithImages(handle.db, prompt, 0);
  const ids: string[] = [];
  for (const [index, job] of run.jobs.entries()) {
    const id = newId();
    const image = stored
      ? await storeImage(store, await pngImage(64, 64, index + 1))
      : { blobKey: `${id}.png`, thumbnailKey: `${id}.webp`, width: 64, height: 64, byteSize: 10 };
    await insertImage(handle.db, {
      contentType: "image/png",
      sha256: id,
      ...image,
      id,
      jobId: job.id,
      runId: run.id,
      index: 0,
    });
    await updateImageAnnotations(handle.db, id, { starred: true });
    ids.push(id);
  }
  return ids;
}

describe("picksSheetOf", () => {
  it("draws a selection once for every request for it meanwhile, and again for another order or note", async () => {
    const ids = await twoPicks("a lantern in fog");
    const gets = vi.spyOn(store, "get");
    try {
      const rows = await listPickRowsByIds(handle.db, ids);
      const burst = await Promise.all(Array.from({ length: 10 }, () => picksSheetOf(store, rows)));
      // One drawing reads each of the two images once.
      expect(gets).toHaveBeenCalledTimes(2);
      expect(new Set(burst.map((png) => png.toString("base64"))).size).toBe(1);

      await Promise.all([picksSheetOf(store, [...rows].reverse()), picksSheetOf(store, rows)]);
      expect(gets).toHaveBeenCalledTimes(6);

      await updateImageAnnotations(handle.db, ids[0]!, { note: "the warmer one" });
      const noted = await listPickRowsByIds(handle.db, ids);
      await Promise.all([picksSheetOf(store, noted), picksSheetOf(store, rows)]);
      expect(gets).toHaveBeenCalledTimes(10);
    } finally {
      gets.mockRestore();
    }
  });
});

describe("the picks contact sheet and ZIP", () => {
  it("wait for the render slot a run's sheet holds, and are refused with 503 + Retry-After before the first byte", async () => {
    const { run } = await runWithImages(handle.db, "a harbour at night");
    const ids = await twoPicks("a paper boat", true);
    // The run's sheet holds the only slot until released: it is stuck reading its first image.
    const { store: slow, reading, release } = stalledReads(store);
    const options = { slots: 1, waitMs: 1 };
    const holder = contactSheetOf(handle.db, slow, run.id, options);
    await reading;
    const refused = await Promise.all(
      [picksSheetResponse, picksDownloadResponse].map((respond) =>
        respond(handle.db, store, ids, options).catch((error) => error),
      ),
    );
    release();
    await holder;
    for (const error of refused) {
      expect(isAppError(error) && error.status).toBe(503);
      expect(error.headers).toMatchObject({ "Retry-After": "5" });
    }
    // The slot is free again: the sheet is drawn, and the ZIP comes with it.
    const sheet = await picksSheetResponse(handle.db, store, ids, options);
    expect(sheet.headers.get("Content-Type")).toBe("image/png");
    const zip = await picksDownloadResponse(handle.db, store, ids, options);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Buffer.from(files[CONTACT_SHEET_NAME]!).subarray(1, 4).toString()).toBe("PNG");
  });
});
