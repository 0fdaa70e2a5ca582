import "server-only";
import type { Database } from "@/lib/db/client";
import { archiveResponse, blindArchiveResponse } from "@/lib/downloads/download-responses";
import { galleryNotFound } from "@/lib/errors";
import { storedRenditions } from "@/lib/reviews/renditions";
import type { BlobStore } from "@/lib/storage/blob-store";
import { getGalleryExport } from "@/lib/views/gallery-views";
import { blindInputFiles } from "@/lib/views/review-inputs";

/**
 * GET /api/galleries/:slug/download: every image of a shared gallery, the inputs its runs edited
 * (under `inputs/`) and manifest.json. A blind review before the reveal gives its renditions and its
 * inputs under the review's own ids only, never the originals' ids, runs or models.
 */
export async function galleryArchiveResponse(
  db: Database,
  blobStore: BlobStore,
  slug: string,
  reviewerId?: string,
): Promise<Response> {
  const found = await getGalleryExport(db, slug, reviewerId);
  if (!found) throw galleryNotFound();
  const { view: gallery, images, rows } = found;
  const source = { kind: "gallery", id: gallery.slug, title: gallery.title, note: gallery.note } as const;
  if (gallery.review?.blind && !gallery.review.revealed) {
    const renditions = await storedRenditions(db, blobStore, rows);
    return blindArchiveResponse(
      blobStore,
      source,
      gallery.review,
      renditions,
      await blindInputFiles(db, rows),
    );
  }
  // The runs' inputs are stored like images: their rows say where their bytes are.
  const inputs = (rows.inputs ?? []).map((entry) => entry.input);
  return archiveResponse(blobStore, source, gallery.runs, [...images, ...inputs]);
}
