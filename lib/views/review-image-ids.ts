import "server-only";
import type { Database } from "@/lib/db/client";
import type { GalleryRows } from "@/lib/db/queries/galleries";
import { ensureRenditions } from "@/lib/db/queries/renditions";

/**
 * How a review names its images: in a blind review each has an id of its own that exists only in
 * that review (its rendition, see lib/reviews/renditions.ts), so nobody holding a plain link of the
 * same run can match the two; in an open review, the image's own id.
 */
export interface ReviewImageIds {
  /** Original id → the id the review shows. */
  shown: Map<string, string>;
  /** The id the review shows → original id. */
  original: Map<string, string>;
}

export async function reviewImageIds(db: Database, rows: GalleryRows): Promise<ReviewImageIds> {
  if (rows.gallery.reviewMode !== "blind") {
    const same = new Map(rows.images.map((image) => [image.id, image.id]));
    return { shown: same, original: same };
  }
  const renditions = await ensureRenditions(
    db,
    rows.gallery.id,
    rows.images.map((image) => image.id),
  );
  return {
    shown: new Map(renditions.map((row) => [row.imageId, row.id])),
    original: new Map(renditions.map((row) => [row.id, row.imageId])),
  };
}

/** A blind review's image URLs: under the review's slug and its own ids, never /api/files. */
export function blindImageUrls(slug: string, id: string) {
  const base = `/api/galleries/${encodeURIComponent(slug)}/images/${encodeURIComponent(id)}`;
  return { url: base, thumbnailUrl: `${base}/thumbnail` };
}
