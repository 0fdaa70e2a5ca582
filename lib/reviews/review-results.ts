import "server-only";
import type { BallotView, ReviewResultsView } from "@/lib/api/review-views";
import type { Database } from "@/lib/db/client";
import { listBallots, listReviewBallots } from "@/lib/db/queries/ballots";
import {
  findGalleryById,
  findOwnedGallery,
  getGalleryRows,
  listNextRounds,
} from "@/lib/db/queries/galleries";
import type { BallotRow } from "@/lib/db/schema";
import { galleryNotFound, reviewOff } from "@/lib/errors";
import { reviewImageIds } from "@/lib/views/review-image-ids";
import { reviewPrompts } from "@/lib/views/review-prompts";
import { tallyBallots } from "@/lib/views/tally";
import { fileUrl } from "@/lib/views/to-views";

/**
 * The owner's results: per prompt, picks and win rate per model, configuration and image (with its
 * thumbnail) and how clear the lead is; every ballot with its picks in the owner's prompt order and
 * its comments. Excluded ballots are listed, marked, and left out of the tally. Still there once the
 * link has expired (reviewers can no longer vote); gone when it is revoked.
 */
export async function getReviewResults(db: Database, slug: string): Promise<ReviewResultsView> {
  const rows = await getGalleryRows(db, slug, findOwnedGallery);
  if (!rows) throw galleryNotFound();
  const { gallery } = rows;
  if (!gallery.reviewMode) throw reviewOff();
  const [ids, picks, ballotRows, next, previous] = await Promise.all([
    reviewImageIds(db, rows),
    listBallots(db, gallery.id),
    listReviewBallots(db, gallery.id),
    listNextRounds(db, gallery.id),
    gallery.previousGalleryId ? findGalleryById(db, gallery.previousGalleryId) : null,
  ]);
  const excluded = new Set(ballotRows.filter((row) => row.excluded).map((row) => row.reviewerId));
  const counted = picks.filter((pick) => !excluded.has(pick.reviewerId));
  const prompts = reviewPrompts(rows);
  const tally = tallyBallots(prompts, counted);
  const order = new Map(prompts.map((prompt, index) => [prompt.key, index]));
  const picksOf = (reviewerId: string) =>
    picks
      .filter((pick) => pick.reviewerId === reviewerId && order.has(pick.promptKey))
      .sort((a, b) => order.get(a.promptKey)! - order.get(b.promptKey)!);
  const ballots = ballotRows.map((row): BallotView => ({
    id: row.id,
    ...(row.reviewerName ? { reviewerName: row.reviewerName } : {}),
    createdAt: row.createdAt.toISOString(),
    ...(row.comment ? { comment: row.comment } : {}),
    source: row.source,
    ...(row.inviteName ? { inviteName: row.inviteName } : {}),
    excluded: row.excluded,
    picks: picksOf(row.reviewerId).map(pickView),
  }));
  const nameOf = new Map(ballotRows.map((row) => [row.reviewerId, row.reviewerName]));
  const thumbnails = new Map(rows.images.map((image) => [image.id, fileUrl(image.thumbnailKey)]));
  return {
    slug: gallery.slug,
    title: gallery.title,
    blind: gallery.reviewMode === "blind",
    revealed: gallery.revealedAt !== null,
    open: gallery.reviewClosedAt === null,
    showOwnerStars: gallery.showOwnerStars,
    round: gallery.round,
    previousRound: previous && !previous.revokedAt ? { slug: previous.slug, round: previous.round } : null,
    nextRounds: next.map((row) => ({ slug: row.slug, round: row.round })),
    ballotCount: tally.ballots,
    ballots,
    prompts: tally.prompts.map((prompt) => ({
      ...prompt,
      images: prompt.images.map((image) => ({
        ...image,
        thumbnailUrl: thumbnails.get(image.imageId)!,
        ...(gallery.reviewMode === "blind" ? { reviewImageId: ids.shown.get(image.imageId) } : {}),
      })),
      comments: counted
        .filter((pick) => pick.promptKey === prompt.key && pick.promptComment)
        .map((pick) => {
          const name = nameOf.get(pick.reviewerId) ?? pick.reviewerName;
          return { ...(name ? { reviewerName: name } : {}), text: pick.promptComment! };
        }),
    })),
  };
}

function pickView(pick: BallotRow) {
  return {
    promptKey: pick.promptKey,
    imageId: pick.imageId,
    none: pick.none,
    ...(pick.promptComment ? { comment: pick.promptComment } : {}),
  };
}
