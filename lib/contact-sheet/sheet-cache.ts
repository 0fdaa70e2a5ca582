import "server-only";
import type { Database } from "@/lib/db/client";
import { getContactSheet, recordContactSheet } from "@/lib/db/queries/blobs";
import { getRunRows } from "@/lib/db/queries/runs";
import { readBlobBytes } from "@/lib/render/thumbnails";
import type { BlobStore } from "@/lib/storage/blob-store";
import { drawShared, type SheetOptions } from "./render-limit";
import { SHEET_DRAWING_VERSION } from "./render-sheet";
import { runContactSheet } from "./run-contact-sheet";

/**
 * A run's sheet is kept in the blob store for the run's version and the drawing's
 * (contact_sheets), so it is drawn again only once the run or the drawing changed; the drawing
 * itself goes through the render limit.
 */
/** Renders the run's sheet as it is now and keeps it for its version. Null for an unknown run. */
async function renderAndKeep(db: Database, store: BlobStore, runId: string): Promise<Buffer | null> {
  const rows = await getRunRows(db, runId);
  if (!rows) return null;
  const png = await runContactSheet(store, rows);
  const { key } = await store.put(png, "png");
  await recordContactSheet(db, {
    runId,
    version: rows.run.version,
    drawing: SHEET_DRAWING_VERSION,
    blobKey: key,
  });
  return png;
}

/**
 * GET /api/runs/:id/contact-sheet: the run's sheet for its current version, from the blob store
 * when it was drawn already, else drawn once for every request that asks meanwhile; with the run's
 * prompt, which names the file. Null for an unknown run.
 */
export async function contactSheetOf(
  db: Database,
  store: BlobStore,
  runId: string,
  options: SheetOptions = {},
): Promise<{ png: Buffer; prompt: string } | null> {
  const run = await getContactSheet(db, runId);
  if (!run) return null;
  const png = await sheetFor(db, store, runId, run, options);
  return png && { png, prompt: run.prompt };
}

async function sheetFor(
  db: Database,
  store: BlobStore,
  runId: string,
  { runVersion, sheet }: NonNullable<Awaited<ReturnType<typeof getContactSheet>>>,
  options: SheetOptions,
): Promise<Buffer | null> {
  if (sheet?.version === runVersion && sheet.drawing === SHEET_DRAWING_VERSION) {
    const bytes = await readBlobBytes(store, sheet.blobKey);
    if (bytes) return bytes;
  }
  return drawShared(`run:${runId}.${runVersion}`, () => renderAndKeep(db, store, runId), options);
}
