import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { updateImageAnnotations } from "@/lib/db/queries/images";
import { isAppError } from "@/lib/errors";
import type { BlobStore } from "@/lib/storage/blob-store";
import { createLocalBlobStore } from "@/lib/storage/local-blob-store";
import { runWithImages } from "@/lib/testing/runs-with-images";
import { openTestDatabase } from "@/lib/testing/test-database";
import { contactSheetOf } from "./sheet-cache";

let handle: DatabaseHandle;
let directory: string;
let store: BlobStore;
beforeAll(async () => {
  handle = await openTestDatabase();
  directory = await mkdtemp(path.join(tmpdir(), "sheet-cache-"));
  store = createLocalBlobStore(directory);
});
afterAll(async () => {
  await handle.close();
  await rm(directory, { recursive: true, force: true });
});

describe("contactSheetOf", () => {
  it("draws a run's sheet once per version, however many ask at once, and again once the run changed", async () => {
    const { run, imageIds } = await runWithImages(handle.db, "a lighthouse at dusk");
    const puts = vi.spyOn(store, "put");
    try {
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => contactSheetOf(handle.db, store, run.id)),
      );
      expect(puts).toHaveBeenCalledTimes(1);
      expect(burst[0]?.prompt).toBe("a lighthouse at dusk");
      expect(new Set(burst.map((sheet) => sheet!.png.toString("base64"))).size).toBe(1);

      // Kept in the blob store: read back, not drawn again.
      const again = await contactSheetOf(handle.db, store, run.id);
      expect(puts).toHaveBeenCalledTimes(1);
      expect(again!.png.equals(burst[0]!.png)).toBe(true);

      await updateImageAnnotations(handle.db, imageIds[0]![0]!, { starred: true });
      await contactSheetOf(handle.db, store, run.id);
      expect(puts).toHaveBeenCalledTimes(2);
    } finally {
      puts.mockRestore();
    }
    expect(await contactSheetOf(handle.db, store, "missing")).toBeNull();
  });

  it("answers 503 with Retry-After when no render slot frees up in time", async () => {
    const first = await runWithImages(handle.db, "a fox");
    const second = await runWithImages(handle.db, "a crow");
    const options = { slots: 1, waitMs: 1 };
    const [drawn, refused] = await Promise.allSettled([
      contactSheetOf(handle.db, store, first.run.id, options),
      contactSheetOf(handle.db, store, second.run.id, options),
    ]);
    expect(drawn.status).toBe("fulfilled");
    expect(refused.status).toBe("rejected");
    const error = (refused as PromiseRejectedResult).reason;
    expect(isAppError(error) && error.status).toBe(503);
    expect(error.headers).toMatchObject({ "Retry-After": "5" });
    // The slot is free again: the refused sheet is drawn now.
    expect(await contactSheetOf(handle.db, store, second.run.id, options)).not.toBeNull();
  });
});
