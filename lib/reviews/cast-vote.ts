import "server-only";
import type { ApiIssue } from "@/lib/api/error-envelope";
import type { VoteInput } from "@/lib/api/gallery-requests";
import type { VoteResponse } from "@/lib/api/review-views";
import type { Database } from "@/lib/db/client";
import {
  findReviewBallot,
  listReviewerBallots,
  upsertBallot,
  type BallotPick,
} from "@/lib/db/queries/ballots";
import { findClaimedInvite } from "@/lib/db/queries/review-invites";
import { getGalleryRows } from "@/lib/db/queries/galleries";
import { AppError, galleryNotFound, reviewClosed, reviewOff } from "@/lib/errors";
import { reviewImageIds } from "@/lib/views/review-image-ids";
import { reviewPrompts } from "@/lib/views/review-prompts";

/** New reviewers one client address may add to one review in an hour (open ballots; invites are apart). */
export const NEW_REVIEWERS_PER_HOUR = 10;
const HOUR_MS = 60 * 60 * 1000;

/** Who is voting: the id of their signed cookie, and a digest of their address for the cap. */
export interface Reviewer {
  id: string;
  clientKey: string;
}

/**
 * A reviewer's favourite per prompt, or "None of these". Each pick is filed under the prompt its
 * image answers; a pick for a prompt the reviewer already voted on replaces that vote. All or
 * nothing: an image that is not in the review, or two picks for one prompt, is a 422 naming it.
 * A closed review answers 409 review_closed; a new open reviewer beyond the hourly cap of their
 * address, 429.
 */
export async function castVote(
  db: Database,
  slug: string,
  reviewer: Reviewer,
  vote: VoteInput,
  now = new Date(),
): Promise<VoteResponse> {
  const rows = await getGalleryRows(db, slug);
  if (!rows) throw galleryNotFound();
  const { gallery } = rows;
  if (!gallery.reviewMode) throw reviewOff();
  if (gallery.reviewClosedAt) throw reviewClosed();
  const prompts = reviewPrompts(rows);
  const ids = await reviewImageIds(db, rows);
  const promptOfImage = new Map(
    prompts.flatMap((prompt) => prompt.options.map((option) => [option.imageId, prompt.key])),
  );
  const promptKeys = new Set(prompts.map((prompt) => prompt.key));
  const issues: ApiIssue[] = [];
  const seen = new Set<string>();
  const picks = vote.picks.flatMap((pick, index): BallotPick[] => {
    const imageId = "imageId" in pick ? (ids.original.get(pick.imageId) ?? null) : null;
    const promptKey = "imageId" in pick ? imageId && promptOfImage.get(imageId) : pick.promptKey;
    const path = `picks.${index}.${"imageId" in pick ? "imageId" : "promptKey"}`;
    if (!promptKey || !promptKeys.has(promptKey)) {
      const what = "imageId" in pick ? "This image is" : "This prompt is";
      issues.push({ path, message: `${what} not in the review` });
      return [];
    }
    if (seen.has(promptKey)) {
      issues.push({ path, message: "Only one pick per prompt" });
      return [];
    }
    seen.add(promptKey);
    return [{ promptKey, imageId, none: !("imageId" in pick), comment: pick.comment || null }];
  });
  if (issues.length > 0) throw new AppError("invalid_input", "The picks cannot be counted", { issues });

  const existing = await findReviewBallot(db, gallery.id, reviewer.id);
  const invite = existing ? null : await findClaimedInvite(db, gallery.id, reviewer.id);
  const filed = await upsertBallot(
    db,
    {
      galleryId: gallery.id,
      reviewerId: reviewer.id,
      picks,
      comment: vote.comment || null,
      reviewerName: vote.reviewerName || null,
      source: invite ? "invite" : "open",
      inviteId: invite?.id ?? null,
      inviteName: invite?.name ?? null,
      // Invite ballots do not count against the address's cap.
      clientKey: invite ? null : reviewer.clientKey,
    },
    now,
    existing || invite
      ? undefined
      : { limit: NEW_REVIEWERS_PER_HOUR, since: new Date(now.getTime() - HOUR_MS) },
  );
  if (filed === "over_cap") {
    throw new AppError(
      "rate_limited",
      `Too many new reviewers from one network on this review: at most ${NEW_REVIEWERS_PER_HOUR} an hour.`,
      { headers: { "Retry-After": String(HOUR_MS / 1000) } },
    );
  }
  const mine = await listReviewerBallots(db, gallery.id, reviewer.id);
  return {
    picks: mine.map((pick) => ({
      promptKey: pick.promptKey,
      imageId: pick.imageId ? (ids.shown.get(pick.imageId) ?? null) : null,
      none: pick.none,
      ...(pick.promptComment ? { comment: pick.promptComment } : {}),
    })),
  };
}
