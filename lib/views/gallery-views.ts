import "server-only";
import type { GallerySummary, GalleryView } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import { findReviewBallot, listCountedBallots, listReviewerBallots } from "@/lib/db/queries/ballots";
import { findClaimedInvite } from "@/lib/db/queries/review-invites";
import { getGalleryRows, listGalleryRows, type GalleryRows } from "@/lib/db/queries/galleries";
import type { ImageRow } from "@/lib/db/schema";
import type { ReviewImage } from "@/lib/api/review-views";
import { blindImageUrls, reviewImageIds } from "./review-image-ids";
import { reviewInputsByRun } from "./review-inputs";
import { promptBoxes, reviewPrompts } from "./review-prompts";
import { namesShown, publicImage, toReviewView } from "./review-view";
import { toGallerySummary, toGalleryView, toImageView } from "./to-views";

/**
 * A shared gallery as one visitor sees it: only its shared images, no costs, and for a review
 * gallery the questions in this reviewer's order with their picks. Null when revoked, expired or
 * unknown.
 */
export async function getGalleryView(
  db: Database,
  slug: string,
  reviewerId?: string,
): Promise<GalleryView | null> {
  return (await getGalleryExport(db, slug, reviewerId))?.view ?? null;
}

/**
 * What an exporter of a shared gallery (its ZIP, its OG image) needs: the view it may show, and the
 * image rows behind it, whose blob keys the view never carries. One read.
 */
export async function getGalleryExport(
  db: Database,
  slug: string,
  reviewerId?: string,
): Promise<{ view: GalleryView; images: ImageRow[]; rows: GalleryRows } | null> {
  const rows = await getGalleryRows(db, slug);
  if (!rows) return null;
  return { view: await galleryViewOf(db, rows, reviewerId), images: rows.images, rows };
}

async function galleryViewOf(db: Database, rows: GalleryRows, reviewerId?: string): Promise<GalleryView> {
  const { gallery } = rows;
  const visible = { ...rows, images: rows.images.map((image) => publicImage(gallery, image)) };
  if (!gallery.reviewMode) return toGalleryView(visible, null, { showRuns: true });
  const [ids, inputsByRun, mine, ballot, invite, all] = await Promise.all([
    reviewImageIds(db, rows),
    reviewInputsByRun(db, rows),
    reviewerId ? listReviewerBallots(db, gallery.id, reviewerId) : [],
    reviewerId ? findReviewBallot(db, gallery.id, reviewerId) : null,
    reviewerId ? findClaimedInvite(db, gallery.id, reviewerId) : null,
    gallery.revealedAt ? listCountedBallots(db, gallery.id) : null,
  ]);
  // A blind review shows its own renditions under its own ids, with nothing that sizes or orders them.
  const imageViews = new Map<string, ReviewImage>(
    gallery.reviewMode === "blind"
      ? [...ids.shown.values()].map((id) => [id, { id, ...blindImageUrls(gallery.slug, id) }])
      : visible.images.map((image) => [image.id, toImageView(image)]),
  );
  const review = toReviewView({
    gallery,
    prompts: reviewPrompts(rows),
    imageViews,
    inputsByRun,
    ids,
    boxes: promptBoxes(rows),
    // Seeded by the link as well, so the next round of a review is a fresh shuffle.
    orderSeed: `${gallery.slug}|${reviewerId ?? ""}`,
    mine,
    ballot,
    invite: invite ? { name: invite.name } : null,
    all,
  });
  return toGalleryView(visible, review, { showRuns: namesShown(gallery) });
}

/** Galleries not revoked (expired ones too, so the owner can extend them), newest first. */
export async function listGalleries(db: Database): Promise<GallerySummary[]> {
  return (await listGalleryRows(db)).map(toGallerySummary);
}
