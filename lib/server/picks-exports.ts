import "server-only";
import { CONTACT_SHEET_NAME } from "@/lib/contact-sheet/run-contact-sheet";
import { MAX_PICKS_PER_SHEET, picksSheetOf } from "@/lib/contact-sheet/picks-contact-sheet";
import type { SheetOptions } from "@/lib/contact-sheet/render-limit";
import type { Database } from "@/lib/db/client";
import { contactSheetFilename, contentDisposition } from "@/lib/downloads/filename";
import { picksArchiveResponse } from "@/lib/downloads/picks-archive";
import { AppError } from "@/lib/errors";
import { selectedPicks } from "@/lib/images/picks";
import type { BlobStore } from "@/lib/storage/blob-store";

/**
 * GET /api/picks/contact-sheet: a selection of the picks board as one PNG, in the order given,
 * drawn under the contact sheets' render limit (503 with Retry-After when busy).
 */
export async function picksSheetResponse(
  db: Database,
  blobStore: BlobStore,
  ids: string[],
  sheetOptions: SheetOptions = {},
): Promise<Response> {
  if (ids.length > MAX_PICKS_PER_SHEET) {
    throw new AppError("invalid_input", `A contact sheet holds at most ${MAX_PICKS_PER_SHEET} picks`, {
      issues: [{ path: "ids", message: `Select at most ${MAX_PICKS_PER_SHEET} picks` }],
    });
  }
  const png = await picksSheetOf(blobStore, await selectedPicks(db, ids), sheetOptions);
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      "Content-Disposition": contentDisposition(contactSheetFilename("picks"), "inline"),
      "Cache-Control": "no-store",
    },
  });
}

/**
 * GET /api/picks/download: the selection as a ZIP with manifest.json and, up to
 * MAX_PICKS_PER_SHEET picks, its contact sheet: drawn once the images are known to be there and
 * before the first byte, under the same render limit (a busy instance answers 503, never a ZIP
 * cut short).
 */
export async function picksDownloadResponse(
  db: Database,
  blobStore: BlobStore,
  ids: string[],
  sheetOptions: SheetOptions = {},
): Promise<Response> {
  const picks = await selectedPicks(db, ids);
  return picksArchiveResponse(db, blobStore, picks, async () => {
    if (picks.length > MAX_PICKS_PER_SHEET) return [];
    const png = await picksSheetOf(blobStore, picks, sheetOptions);
    return [{ name: CONTACT_SHEET_NAME, open: async () => png }];
  });
}
