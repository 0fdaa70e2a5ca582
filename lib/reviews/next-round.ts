import "server-only";
import type { Database } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { findOwnedGallery, getGalleryRows, insertGallery } from "@/lib/db/queries/galleries";
import { AppError, galleryNotFound, reviewOff } from "@/lib/errors";
import { getReviewResults } from "./review-results";

const ROUND_SUFFIX = / · round \d+$/;

/**
 * The next round of a review: per prompt, its `top` most picked images (ties in the gallery's
 * order), as a new review link of the same kind. A blind round gets its own image ids and
 * renditions, and every reviewer a fresh shuffle (the order is seeded by the link too).
 */
export async function startNextRound(db: Database, slug: string, top: number): Promise<{ slug: string }> {
  const rows = await getGalleryRows(db, slug, findOwnedGallery);
  if (!rows) throw galleryNotFound();
  const { gallery } = rows;
  if (!gallery.reviewMode) throw reviewOff();
  const results = await getReviewResults(db, slug);
  const chosen = new Set(
    results.prompts.flatMap((prompt) => prompt.images.slice(0, top).map((image) => image.imageId)),
  );
  // In the owner's order, not the tally's.
  const imageIds = rows.images.map((image) => image.id).filter((id) => chosen.has(id));
  if (imageIds.length === 0) throw new AppError("conflict", "This review has no images left to take forward");
  const round = gallery.round + 1;
  const next = await insertGallery(
    db,
    {
      id: newId(),
      slug: newId(),
      title: `${gallery.title.replace(ROUND_SUFFIX, "")} · round ${round}`,
      note: gallery.note,
      reviewMode: gallery.reviewMode,
      hideNotes: gallery.hideNotes,
      showOwnerStars: gallery.showOwnerStars,
      expiresAt: gallery.expiresAt,
      previousGalleryId: gallery.id,
      round,
    },
    imageIds,
  );
  return { slug: next.slug };
}
