import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../client";
import { newId } from "../ids";
import { reviewInvites } from "../review-schema";

export type ReviewInviteRow = typeof reviewInvites.$inferSelect;

/** New invite links of a gallery, one per name. */
export async function insertInvites(
  db: Database,
  galleryId: string,
  names: string[],
  now = new Date(),
): Promise<ReviewInviteRow[]> {
  if (names.length === 0) return [];
  return db
    .insert(reviewInvites)
    .values(names.map((name) => ({ id: newId(), galleryId, name, createdAt: now })))
    .returning();
}

/**
 * The invite a browser holds for a gallery: the first reviewer to open a link claims it, later
 * visits of that reviewer find it again; another browser gets null (one ballot per link).
 */
export async function claimInvite(
  db: Database,
  galleryId: string,
  inviteId: string,
  reviewerId: string,
): Promise<ReviewInviteRow | null> {
  await db
    .update(reviewInvites)
    .set({ reviewerId })
    .where(
      and(
        eq(reviewInvites.id, inviteId),
        eq(reviewInvites.galleryId, galleryId),
        sql`${reviewInvites.reviewerId} is null`,
      ),
    );
  const [row] = await db
    .select()
    .from(reviewInvites)
    .where(
      and(
        eq(reviewInvites.id, inviteId),
        eq(reviewInvites.galleryId, galleryId),
        eq(reviewInvites.reviewerId, reviewerId),
      ),
    );
  return row ?? null;
}

/** The invite a reviewer claimed in a gallery, if any. */
export async function findClaimedInvite(
  db: Database,
  galleryId: string,
  reviewerId: string,
): Promise<ReviewInviteRow | null> {
  const [row] = await db
    .select()
    .from(reviewInvites)
    .where(and(eq(reviewInvites.galleryId, galleryId), eq(reviewInvites.reviewerId, reviewerId)));
  return row ?? null;
}
