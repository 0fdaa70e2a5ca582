import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../client";
import { newId } from "../ids";
import { reviewRenditions } from "../review-schema";
import { settleBlobWrites } from "./blobs";

export type RenditionRow = typeof reviewRenditions.$inferSelect;

/**
 * Every image's own id in one blind review, made on first need: a fresh random id per gallery and
 * image, so neither the owner's ids nor another link's appear in it.
 */
export async function ensureRenditions(
  db: Database,
  galleryId: string,
  imageIds: string[],
): Promise<RenditionRow[]> {
  if (imageIds.length === 0) return [];
  const existing = await db.select().from(reviewRenditions).where(eq(reviewRenditions.galleryId, galleryId));
  const known = new Set(existing.map((row) => row.imageId));
  const missing = imageIds.filter((id) => !known.has(id));
  if (missing.length === 0) return existing;
  await db
    .insert(reviewRenditions)
    .values(missing.map((imageId) => ({ id: newId(), galleryId, imageId })))
    .onConflictDoNothing();
  return db.select().from(reviewRenditions).where(eq(reviewRenditions.galleryId, galleryId));
}

export async function findRendition(
  db: Database,
  galleryId: string,
  renditionId: string,
): Promise<RenditionRow | null> {
  const [row] = await db
    .select()
    .from(reviewRenditions)
    .where(and(eq(reviewRenditions.galleryId, galleryId), eq(reviewRenditions.id, renditionId)));
  return row ?? null;
}

/** Records a rendition's stored bytes once made; the row refers to them, so their writes are settled. */
export async function saveRendition(
  db: Database,
  id: string,
  stored: { blobKey: string; thumbnailKey: string; width: number; height: number },
): Promise<void> {
  await db.update(reviewRenditions).set(stored).where(eq(reviewRenditions.id, id));
  await settleBlobWrites(db, [stored.blobKey, stored.thumbnailKey]);
}

export async function listRenditions(db: Database, ids: string[]): Promise<RenditionRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(reviewRenditions).where(inArray(reviewRenditions.id, ids));
}
