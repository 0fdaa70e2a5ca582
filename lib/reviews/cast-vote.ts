import "server-only";
import type { ApiIssue } from "@/lib/api/error-envelope";
import type { VoteInput } from "@/lib/api/gallery-requests";
import type { VoteResponse } from "@/lib/api/review-views";
import type { Database } from "@/lib/db/client";
import { listReviewerBallots, upsertBallots } from "@/lib/db/queries/ballots";
import { getGalleryRows } from "@/lib/db/queries/galleries";
import { AppError, galleryNotFound, reviewOff } from "@/lib/errors";
import { reviewPrompts } from "@/lib/views/review-prompts";

/**
 * A reviewer's favourite per prompt. Each pick is filed under the prompt its image answers; a pick
 * for a prompt the reviewer already voted on replaces that vote. All or nothing: an image that is
 * not in the gallery, or two picks for one prompt, is a 422 naming it.
 */
export async function castVote(
  db: Database,
  slug: string,
  reviewerId: string,
  vote: VoteInput,
  now = new Date(),
): Promise<VoteResponse> {
  const rows = await getGalleryRows(db, slug);
  if (!rows) throw galleryNotFound();
  if (!rows.gallery.reviewMode) throw reviewOff();
  const promptOfImage = new Map(
    reviewPrompts(rows).flatMap((prompt) => prompt.options.map((option) => [option.imageId, prompt.key])),
  );
  const issues: ApiIssue[] = [];
  const seen = new Set<string>();
  const picks = vote.picks.flatMap(({ imageId }, index) => {
    const promptKey = promptOfImage.get(imageId);
    if (!promptKey) {
      issues.push({ path: `picks.${index}.imageId`, message: "This image is not in the gallery" });
      return [];
    }
    if (seen.has(promptKey)) {
      issues.push({ path: `picks.${index}.imageId`, message: "Only one pick per prompt" });
      return [];
    }
    seen.add(promptKey);
    return [{ promptKey, imageId }];
  });
  if (issues.length > 0) throw new AppError("invalid_input", "The picks cannot be counted", { issues });
  await upsertBallots(
    db,
    {
      galleryId: rows.gallery.id,
      reviewerId,
      picks,
      comment: vote.comment || null,
      reviewerName: vote.reviewerName || null,
    },
    now,
  );
  const ballots = await listReviewerBallots(db, rows.gallery.id, reviewerId);
  return { picks: ballots.map(({ promptKey, imageId }) => ({ promptKey, imageId })) };
}
