import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createRunBodySchema } from "@/lib/api/run-requests";
import { CONTACT_SHEET_NAME } from "@/lib/contact-sheet/run-contact-sheet";
import { contactSheetOf } from "@/lib/contact-sheet/sheet-cache";
import type { DatabaseHandle } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertImage } from "@/lib/db/queries/images";
import { isAppError } from "@/lib/errors";
import { createRun } from "@/lib/jobs/create-run";
import { storeImage } from "@/lib/jobs/store-image";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { Z_IMAGE_CONFIG } from "@/lib/testing/runs-with-images";
import { stalledReads } from "@/lib/testing/stalled-reads";
import { openTestDatabase } from "@/lib/testing/test-database";
import { pngImage } from "@/lib/testing/test-images";
import { runArchiveResponse } from "./run-archive";

let handle: DatabaseHandle;
let directory: string;
let store: BlobStore;
beforeAll(async () => {
  handle = await openTestDatabase();
  directory = await mkdtemp(path.join(tmpdir(), "run-archive-"));
  store = createLocalBlobStore(directory);
});
afterAll(async () => {
  await handle.close();
  await rm(directory, { recursive: true, force: true });
});

/** A one-cell run with one stored image. */
async function storedRun(prompt: string, seed: number) {
  const run = await createRun(handle.db, createRunBodySchema.parse({ prompt, models: [Z_IMAGE_CONFIG] }));
  const stored = await storeImage(store, await pngImage(64, 64, seed));
  await insertImage(handle.db, { id: newId(), jobId: run.jobs[0]!.id, runId: run.id, index: 0, ...stored });
  return run;
}

const filesOf = async (response: Response) => unzipSync(new Uint8Array(await response.arrayBuffer()));

describe("the run ZIP's contact sheet", () => {
  it("is the sheet kept for the run's version: drawn once for the ZIP and the sheet route together", async () => {
    const run = await storedRun("a kite over dunes", 1);
    const puts = vi.spyOn(store, "put");
    try {
      const files = await filesOf(await runArchiveResponse(handle.db, store, run.id));
      expect(puts).toHaveBeenCalledTimes(1);
      const sheet = await contactSheetOf(handle.db, store, run.id);
      expect(puts).toHaveBeenCalledTimes(1);
      expect(Buffer.from(files[CONTACT_SHEET_NAME]!).equals(sheet!.png)).toBe(true);
      await filesOf(await runArchiveResponse(handle.db, store, run.id));
      expect(puts).toHaveBeenCalledTimes(1);
    } finally {
      puts.mockRestore();
    }
  });

  it("waits for a render slot like the sheet route, and is refused with 503 + Retry-After before the first byte", async () => {
    const busy = await storedRun("a heron", 2);
    const asked = await storedRun("a moth", 3);
    // The first render holds the only slot until released: it is stuck reading its image.
    const { store: slow, reading, release } = stalledReads(store);
    const options = { slots: 1, waitMs: 1 };
    const holder = contactSheetOf(handle.db, slow, busy.id, options);
    await reading;
    const refused = await runArchiveResponse(handle.db, store, asked.id, options).catch((error) => error);
    release();
    await holder;
    expect(isAppError(refused) && refused.status).toBe(503);
    expect(refused.headers).toMatchObject({ "Retry-After": "5" });
    // The slot is free again: the ZIP comes, sheet and all.
    const files = await filesOf(await runArchiveResponse(handle.db, store, asked.id, options));
    expect(files[CONTACT_SHEET_NAME]).toBeDefined();
  });

  it("is not drawn for a run with no stored images: that ZIP is 404 at once", async () => {
    const run = await createRun(
      handle.db,
      createRunBodySchema.parse({ prompt: "an empty shelf", models: [Z_IMAGE_CONFIG] }),
    );
    const puts = vi.spyOn(store, "put");
    try {
      const refused = await runArchiveResponse(handle.db, store, run.id).catch((error) => error);
      expect(isAppError(refused) && refused.status).toBe(404);
      expect(puts).not.toHaveBeenCalled();
    } finally {
      puts.mockRestore();
    }
  });
});
