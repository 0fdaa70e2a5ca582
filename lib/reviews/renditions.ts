import "server-only";
import type { Database } from "@/lib/db/client";
import type { GalleryRows } from "@/lib/db/queries/galleries";
import { ensureRenditions, saveRendition, type RenditionRow } from "@/lib/db/queries/renditions";
import { makeRendition, makeThumbnail, readBlobBytes } from "@/lib/render/thumbnails";
import type { BlobStore } from "@/lib/storage/blob-store";
import { promptBoxes } from "@/lib/views/review-prompts";

export const RENDITION_TYPE = "image/webp";

export interface StoredRendition {
  id: string;
  blobKey: string;
  thumbnailKey: string;
}

/**
 * The stored renditions of a blind review's images, made on first need and kept in the blob store
 * (sharp works off the event loop). Two instances making the same one at once store the same
 * bytes under the same key, so the race is harmless.
 */
export async function storedRenditions(
  db: Database,
  blobStore: BlobStore,
  rows: GalleryRows,
  wanted?: ReadonlySet<string>,
  /** Make them again even if recorded (their blobs went missing). */
  remake = false,
): Promise<StoredRendition[]> {
  const renditions = await ensureRenditions(
    db,
    rows.gallery.id,
    rows.images.map((image) => image.id),
  );
  const boxes = promptBoxes(rows);
  const byId = new Map(rows.images.map((image) => [image.id, image]));
  const chosen = renditions.filter((row) => !wanted || wanted.has(row.id));
  const stored: StoredRendition[] = [];
  // One at a time: a ZIP of a large review should not decode every image at once.
  for (const row of chosen) {
    const made = await storeRendition(
      db,
      blobStore,
      remake ? { ...row, blobKey: null, thumbnailKey: null } : row,
      byId.get(row.imageId)?.blobKey,
      boxes.get(row.imageId),
    );
    if (made) stored.push(made);
  }
  return stored;
}

async function storeRendition(
  db: Database,
  blobStore: BlobStore,
  row: RenditionRow,
  originalKey: string | undefined,
  box: { width: number; height: number } | undefined,
): Promise<StoredRendition | null> {
  if (row.blobKey && row.thumbnailKey)
    return { id: row.id, blobKey: row.blobKey, thumbnailKey: row.thumbnailKey };
  if (!originalKey || !box) return null;
  const original = await readBlobBytes(blobStore, originalKey);
  if (!original) return null;
  const bytes = await makeRendition(original, box);
  const [full, thumbnail] = await Promise.all([
    blobStore.put(bytes, "webp"),
    makeThumbnail(bytes).then((thumb) => blobStore.put(thumb, "webp")),
  ]);
  await saveRendition(db, row.id, { blobKey: full.key, thumbnailKey: thumbnail.key, ...box });
  return { id: row.id, blobKey: full.key, thumbnailKey: thumbnail.key };
}

/** One rendition's blob (the image, or its thumbnail) as a response body; null when not in this review. */
export async function renditionBlob(
  db: Database,
  blobStore: BlobStore,
  rows: GalleryRows,
  renditionId: string,
  which: "image" | "thumbnail",
) {
  const wanted = new Set([renditionId]);
  for (const remake of [false, true]) {
    const [stored] = await storedRenditions(db, blobStore, rows, wanted, remake);
    if (!stored) return null;
    const blob = await blobStore.get(which === "image" ? stored.blobKey : stored.thumbnailKey);
    if (blob) return blob;
  }
  return null;
}
