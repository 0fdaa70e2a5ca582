import "server-only";
import { and, asc, count, eq, gte, inArray, sql } from "drizzle-orm";
import type { BallotSource } from "@/lib/models/review-mode";
import type { Database } from "../client";
import { newId } from "../ids";
import { reviewBallots } from "../review-schema";
import { ballots, type BallotRow } from "../schema";

export type ReviewBallotRow = typeof reviewBallots.$inferSelect;

export interface BallotPick {
  promptKey: string;
  /** Null with `none`. */
  imageId: string | null;
  none: boolean;
  comment: string | null;
}

export interface BallotInput {
  galleryId: string;
  reviewerId: string;
  picks: BallotPick[];
  comment: string | null;
  reviewerName: string | null;
  /** Where a new ballot came from; an existing ballot keeps its own. */
  source?: BallotSource;
  inviteId?: string | null;
  inviteName?: string | null;
  clientKey?: string | null;
}

/** Any fixed number: the first half of the advisory lock key that serialises a review's new reviewers per address. */
const REVIEWER_LOCK_CLASS = 48_213;

/** A new open reviewer is refused once `limit` first ballots came from the same address since `since`. */
export interface NewReviewerCap {
  limit: number;
  since: Date;
}

/**
 * Files a reviewer's ballot: its row (overall comment, name) and one pick per prompt; a new pick
 * for the same prompt replaces the old one (a change of mind). The overall comment and name are also
 * copied on every pick row, as readers of the pick rows alone expect. With a cap, "over_cap" and
 * nothing filed when the address already added as many new reviewers.
 */
export async function upsertBallot(
  db: Database,
  ballot: BallotInput,
  now = new Date(),
  newReviewerCap?: NewReviewerCap,
): Promise<"filed" | "over_cap"> {
  return db.transaction(async (transaction) => {
    if (newReviewerCap && ballot.clientKey) {
      // One lock per review and address: simultaneous first votes are counted one after another,
      // so the cap holds exactly on every instance.
      await transaction.execute(
        sql`select pg_advisory_xact_lock(${REVIEWER_LOCK_CLASS}::int4, hashtext(${`${ballot.galleryId}:${ballot.clientKey}`}))`,
      );
      const recent = await countNewReviewers(
        transaction,
        ballot.galleryId,
        ballot.clientKey,
        newReviewerCap.since,
      );
      if (recent >= newReviewerCap.limit) return "over_cap";
    }
    await transaction
      .insert(reviewBallots)
      .values({
        id: newId(),
        galleryId: ballot.galleryId,
        reviewerId: ballot.reviewerId,
        source: ballot.source ?? "open",
        inviteId: ballot.inviteId ?? null,
        inviteName: ballot.inviteName ?? null,
        comment: ballot.comment,
        reviewerName: ballot.reviewerName,
        clientKey: ballot.clientKey ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [reviewBallots.galleryId, reviewBallots.reviewerId],
        set: { comment: ballot.comment, reviewerName: ballot.reviewerName, updatedAt: now },
      });
    if (ballot.picks.length === 0) return "filed";
    await transaction
      .insert(ballots)
      .values(
        ballot.picks.map((pick) => ({
          galleryId: ballot.galleryId,
          reviewerId: ballot.reviewerId,
          promptKey: pick.promptKey,
          imageId: pick.imageId,
          none: pick.none,
          promptComment: pick.comment,
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
          none: sql`excluded.none`,
          promptComment: sql`excluded.prompt_comment`,
          comment: sql`excluded.comment`,
          reviewerName: sql`excluded.reviewer_name`,
          updatedAt: now,
        },
      });
    return "filed";
  });
}

/** Every pick of a gallery, oldest first. */
export async function listBallots(db: Database, galleryId: string): Promise<BallotRow[]> {
  return db
    .select()
    .from(ballots)
    .where(eq(ballots.galleryId, galleryId))
    .orderBy(asc(ballots.createdAt), asc(ballots.reviewerId));
}

/** Every pick of a gallery that counts: the owner's excluded ballots left out. */
export async function listCountedBallots(db: Database, galleryId: string): Promise<BallotRow[]> {
  const excluded = db
    .select({ reviewerId: reviewBallots.reviewerId })
    .from(reviewBallots)
    .where(and(eq(reviewBallots.galleryId, galleryId), eq(reviewBallots.excluded, true)));
  return db
    .select()
    .from(ballots)
    .where(and(eq(ballots.galleryId, galleryId), sql`${ballots.reviewerId} not in ${excluded}`))
    .orderBy(asc(ballots.createdAt), asc(ballots.reviewerId));
}

/** One reviewer's picks in a gallery. */
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

/** The ballots (one per reviewer) of a gallery, oldest first. */
export async function listReviewBallots(db: Database, galleryId: string): Promise<ReviewBallotRow[]> {
  return db
    .select()
    .from(reviewBallots)
    .where(eq(reviewBallots.galleryId, galleryId))
    .orderBy(asc(reviewBallots.createdAt), asc(reviewBallots.id));
}

export async function findReviewBallot(
  db: Database,
  galleryId: string,
  reviewerId: string,
): Promise<ReviewBallotRow | null> {
  const [row] = await db
    .select()
    .from(reviewBallots)
    .where(and(eq(reviewBallots.galleryId, galleryId), eq(reviewBallots.reviewerId, reviewerId)));
  return row ?? null;
}

/** Marks a ballot excluded from the tally, or counts it again; null when the gallery has no such ballot. */
export async function setBallotExcluded(
  db: Database,
  galleryId: string,
  ballotId: string,
  excluded: boolean,
): Promise<ReviewBallotRow | null> {
  const [row] = await db
    .update(reviewBallots)
    .set({ excluded })
    .where(and(eq(reviewBallots.galleryId, galleryId), eq(reviewBallots.id, ballotId)))
    .returning();
  return row ?? null;
}

/** Open ballots first cast from one client on one gallery since a time (the cap on new reviewers). */
export async function countNewReviewers(
  db: Database,
  galleryId: string,
  clientKey: string,
  since: Date,
): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(reviewBallots)
    .where(
      and(
        eq(reviewBallots.galleryId, galleryId),
        eq(reviewBallots.clientKey, clientKey),
        gte(reviewBallots.createdAt, since),
      ),
    );
  return row?.value ?? 0;
}

/** Per gallery, how many ballots count (the shared-links list). */
export async function countCountedBallots(db: Database, galleryIds: string[]): Promise<Map<string, number>> {
  if (galleryIds.length === 0) return new Map();
  const rows = await db
    .select({ galleryId: reviewBallots.galleryId, value: count() })
    .from(reviewBallots)
    .where(and(inArray(reviewBallots.galleryId, galleryIds), eq(reviewBallots.excluded, false)))
    .groupBy(reviewBallots.galleryId);
  return new Map(rows.map((row) => [row.galleryId, row.value]));
}
