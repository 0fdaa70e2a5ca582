import "server-only";
import { CONTACT_SHEET_NAME } from "@/lib/contact-sheet/run-contact-sheet";
import type { SheetOptions } from "@/lib/contact-sheet/render-limit";
import { contactSheetOf } from "@/lib/contact-sheet/sheet-cache";
import type { Database } from "@/lib/db/client";
import { getRunRows } from "@/lib/db/queries/runs";
import { archiveResponse } from "@/lib/downloads/download-responses";
import { AppError } from "@/lib/errors";
import type { BlobStore } from "@/lib/storage/blob-store";
import { countingTakes } from "@/lib/models/takes";
import { toRunView } from "@/lib/views/to-views";

const notFound = () => new AppError("not_found", "No run with this id");

/**
 * GET /api/runs/:id/download: the images of each cell's take that counts, the run's inputs, its contact sheet and
 * manifest.json. The sheet is the one kept for the run's version, drawn under the same render
 * limit as the sheet route (lib/contact-sheet/render-limit.ts), and had before the first byte: a
 * busy instance answers 503 with Retry-After rather than cut a ZIP short. A run without stored
 * images is 404 before any sheet is drawn.
 */
export async function runArchiveResponse(
  db: Database,
  blobStore: BlobStore,
  runId: string,
  sheetOptions: SheetOptions = {},
): Promise<Response> {
  const rows = await getRunRows(db, runId);
  if (!rows) throw notFound();
  const run = toRunView(rows);
  // Of each cell, the take that counts: the ZIP holds what the matrix and the contact sheet show.
  const counted = { ...run, jobs: countingTakes(run.jobs) };
  const source = { kind: "run", id: run.id, title: run.prompt } as const;
  // Inputs are stored like images: their rows say where their bytes are (under inputs/ in the ZIP).
  return archiveResponse(blobStore, source, [counted], [...rows.images, ...(rows.inputs ?? [])], async () => {
    const sheet = await contactSheetOf(db, blobStore, runId, sheetOptions);
    if (!sheet) throw notFound();
    return [{ name: CONTACT_SHEET_NAME, open: async () => sheet.png }];
  });
}
