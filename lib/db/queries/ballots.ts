import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { ballots, type BallotRow } from "../schema";

export interface BallotPick {
  promptKey: string;
  imageId: string;
}

/**
 * Files a reviewer's picks: one row per prompt, a new pick for the same prompt replaces the old
 * one (a change of mind). The comment and name go on every prompt the reviewer picked this time.
 */
export async function upsertBallots(
  db: Database,
  ballot: {
    galleryId: string;
    reviewerId: string;
    picks: BallotPick[];
    comment: string | null;
    reviewerName: string | null;
  },
  now = new Date(),
): Promise<void> {
  await db
    .insert(ballots)
    .values(
      ballot.picks.map((pick) => ({
        galleryId: ballot.galleryId,
        reviewerId: ballot.reviewerId,
        promptKey: pick.promptKey,
        imageId: pick.imageId,
        comment: ballot.comment,
        reviewerName: ballot.reviewerName,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoUpdate({
      target: [ballots.galleryId, ballots.reviewerId, ballots.promptKey],
      set: {
        imageId: sql`excluded.image_id`,
        comment: sql`excluded.comment`,
        reviewerName: sql`excluded.reviewer_name`,
        updatedAt: now,
      },
    });
}

/** Every ballot of a gallery, oldest first. */
export async function listBallots(db: Database, galleryId: string): Promise<BallotRow[]> {
  return db
    .select()
    .from(ballots)
    .where(eq(ballots.galleryId, galleryId))
    .orderBy(asc(ballots.createdAt), asc(ballots.reviewerId));
}

/** One reviewer's ballots in a gallery. */
export async function listReviewerBallots(
  db: Database,
  galleryId: string,
  reviewerId: string,
): Promise<BallotRow[]> {
  return db
    .select()
    .from(ballots)
    .where(and(eq(ballots.galleryId, galleryId), eq(ballots.reviewerId, reviewerId)));
}
