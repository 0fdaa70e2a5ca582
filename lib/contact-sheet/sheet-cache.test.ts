import { describe, expect, it, vi } from "vitest";
import { setUpStoreFixture } from "@/lib/testing/store-fixture";
import { updateImageAnnotations } from "@/lib/db/queries/images";
import { getContactSheet } from "@/lib/db/queries/blobs";
import { contactSheets } from "@/lib/db/sheet-schema";
import { isAppError } from "@/lib/errors";
import { runWithImages } from "@/lib/testing/runs-with-images";
import { contactSheetOf } from "./sheet-cache";

const fixture = setUpStoreFixture("sheet-cache-");

describe("contactSheetOf", () => {
  it("draws a run's sheet once per version, however many ask at once, and again once the run changed", async () => {
    const { run, imageIds } = await runWithImages(fixture.db, "a lighthouse at dusk");
    const puts = vi.spyOn(fixture.store, "put");
    try {
      const burst = await Promise.all(
        Array.from({ length: 20 }, () => contactSheetOf(fixture.db, fixture.store, run.id)),
      );
      expect(puts).toHaveBeenCalledTimes(1);
      expect(burst[0]?.prompt).toBe("a lighthouse at dusk");
      expect(new Set(burst.map((sheet) => sheet!.png.toString("base64"))).size).toBe(1);

      // Kept in the blob store: read back, not drawn again.
      const again = await contactSheetOf(fixture.db, fixture.store, run.id);
      expect(puts).toHaveBeenCalledTimes(1);
      expect(again!.png.equals(burst[0]!.png)).toBe(true);

      await updateImageAnnotations(fixture.db, imageIds[0]![0]!, { starred: true });
      await contactSheetOf(fixture.db, fixture.store, run.id);
      expect(puts).toHaveBeenCalledTimes(2);
    } finally {
      puts.mockRestore();
    }
    expect(await contactSheetOf(fixture.db, fixture.store, "missing")).toBeNull();
  });

  it("draws a sheet kept from an older drawing again, though the run did not change", async () => {
    const { run } = await runWithImages(fixture.db, "a lantern on a pier");
    // As the build before the drawing version kept it: this run's version, an old drawing's bytes.
    const stale = await fixture.store.put(Buffer.from("an older drawing"), "png");
    const { runVersion } = (await getContactSheet(fixture.db, run.id))!;
    await fixture.db.insert(contactSheets).values({ runId: run.id, version: runVersion, blobKey: stale.key });
    const puts = vi.spyOn(fixture.store, "put");
    try {
      const sheet = await contactSheetOf(fixture.db, fixture.store, run.id);
      expect(puts).toHaveBeenCalledTimes(1);
      expect(sheet!.png.toString()).not.toBe("an older drawing");
      expect(sheet!.png.subarray(1, 4).toString()).toBe("PNG");
      // Kept for this drawing now: read back, not drawn again.
      await contactSheetOf(fixture.db, fixture.store, run.id);
      expect(puts).toHaveBeenCalledTimes(1);
    } finally {
      puts.mockRestore();
    }
  });

  it("answers 503 with Retry-After when no render slot frees up in time", async () => {
    const first = await runWithImages(fixture.db, "a fox");
    const second = await runWithImages(fixture.db, "a crow");
    const options = { slots: 1, waitMs: 1 };
    const [drawn, refused] = await Promise.allSettled([
      contactSheetOf(fixture.db, fixture.store, first.run.id, options),
      contactSheetOf(fixture.db, fixture.store, second.run.id, options),
    ]);
    expect(drawn.status).toBe("fulfilled");
    expect(refused.status).toBe("rejected");
    const error = (refused as PromiseRejectedResult).reason;
    expect(isAppError(error) && error.status).toBe(503);
    expect(error.headers).toMatchObject({ "Retry-After": "5" });
    // The slot is free again: the refused sheet is drawn now.
    expect(await contactSheetOf(fixture.db, fixture.store, second.run.id, options)).not.toBeNull();
  });
});
