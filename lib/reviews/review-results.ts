import "server-only";
import type { ReviewResultsView } from "@/lib/api/review-views";
import type { Database } from "@/lib/db/client";
import { listBallots } from "@/lib/db/queries/ballots";
import { findOwnedGallery, getGalleryRows, updateGallery } from "@/lib/db/queries/galleries";
import { fileUrl } from "@/lib/views/to-views";
import { galleryNotFound, reviewOff } from "@/lib/errors";
import { reviewPrompts } from "@/lib/views/review-prompts";
import { tallyBallots } from "@/lib/views/tally";

/**
 * The owner's results: per prompt, picks and win rate per model, configuration and image (with its
 * thumbnail), and every comment. Still there
 * once the link has expired (reviewers can no longer vote); gone when it is revoked.
 */
export async function getReviewResults(db: Database, slug: string): Promise<ReviewResultsView> {
  const rows = await getGalleryRows(db, slug, findOwnedGallery);
  if (!rows) throw galleryNotFound();
  const { gallery } = rows;
  if (!gallery.reviewMode) throw reviewOff();
  const ballots = await listBallots(db, gallery.id);
  const tally = tallyBallots(reviewPrompts(rows), ballots);
  const thumbnails = new Map(rows.images.map((image) => [image.id, fileUrl(image.thumbnailKey)]));
  return {
    slug: gallery.slug,
    title: gallery.title,
    blind: gallery.reviewMode === "blind",
    revealed: gallery.revealedAt !== null,
    ballots: tally.ballots,
    prompts: tally.prompts.map((prompt) => ({
      ...prompt,
      images: prompt.images.map((image) => ({ ...image, thumbnailUrl: thumbnails.get(image.imageId)! })),
      comments: ballots
        .filter((ballot) => ballot.promptKey === prompt.key && ballot.comment)
        .map((ballot) => ({
          ...(ballot.reviewerName ? { reviewerName: ballot.reviewerName } : {}),
          text: ballot.comment!,
        })),
    })),
  };
}

/** Shows reviewers the model names and the tally. Revealing twice keeps the first time. */
export async function revealReview(db: Database, slug: string, now = new Date()): Promise<void> {
  const gallery = await findOwnedGallery(db, slug);
  if (!gallery) throw galleryNotFound();
  if (!gallery.reviewMode) throw reviewOff();
  if (!gallery.revealedAt) await updateGallery(db, slug, { revealedAt: now });
}
