import "server-only";
import type { BallotView } from "@/lib/api/review-views";
import type { Database } from "@/lib/db/client";
import { setBallotExcluded } from "@/lib/db/queries/ballots";
import { findOwnedGallery, updateGallery } from "@/lib/db/queries/galleries";
import { AppError, galleryNotFound, reviewOff } from "@/lib/errors";

async function ownedReview(db: Database, slug: string) {
  const gallery = await findOwnedGallery(db, slug);
  if (!gallery) throw galleryNotFound();
  if (!gallery.reviewMode) throw reviewOff();
  return gallery;
}

/**
 * Shows reviewers the model names and the tally. Revealing twice keeps the first time. It also
 * closes voting (ballots cast while the tally is visible would follow the crowd) unless `keepOpen`.
 */
export async function revealReview(
  db: Database,
  slug: string,
  { keepOpen = false }: { keepOpen?: boolean } = {},
  now = new Date(),
): Promise<void> {
  const gallery = await ownedReview(db, slug);
  await updateGallery(db, slug, {
    ...(gallery.revealedAt ? {} : { revealedAt: now }),
    ...(keepOpen || gallery.reviewClosedAt ? {} : { reviewClosedAt: now }),
  });
}

/** The owner closes voting (new ballots get 409 review_closed) or reopens it; and the owner's stars. */
export async function setReviewOptions(
  db: Database,
  slug: string,
  options: { open?: boolean; showOwnerStars?: boolean },
  now = new Date(),
): Promise<void> {
  const gallery = await ownedReview(db, slug);
  await updateGallery(db, slug, {
    ...(options.open === undefined
      ? {}
      : { reviewClosedAt: options.open ? null : (gallery.reviewClosedAt ?? now) }),
    ...(options.showOwnerStars === undefined ? {} : { showOwnerStars: options.showOwnerStars }),
  });
}

/** Takes a ballot out of the tally (kept and marked) or counts it again. */
export async function excludeBallot(
  db: Database,
  slug: string,
  ballotId: string,
  excluded: boolean,
): Promise<Pick<BallotView, "id" | "excluded">> {
  const gallery = await ownedReview(db, slug);
  const row = await setBallotExcluded(db, gallery.id, ballotId, excluded);
  if (!row) throw new AppError("not_found", "No such ballot on this review");
  return { id: row.id, excluded: row.excluded };
}
