import "server-only";
import { and, asc, count, desc, eq, gt, inArray, isNull, min, or, sql } from "drizzle-orm";
import { ofCountingTakes } from "@/lib/models/takes";
import type { Database } from "../client";
import { countCountedBallots } from "./ballots";
import { CELL_ORDER, TAKE_COLUMNS } from "./cells";
import { listInputsOfRuns } from "./inputs";
import {
  galleries,
  galleryImages,
  images,
  jobs,
  runs,
  type GalleryRow,
  type ImageRow,
  type JobRow,
  type RunRow,
} from "../schema";

export interface SelectionInput {
  runIds: string[];
  imageIds: string[];
}

export interface ResolvedSelection {
  /** Every selected image once: whole runs first (the takes that count), then single images. */
  imageIds: string[];
  unknownRunIds: string[];
  unknownImageIds: string[];
  /** Runs that exist but have no stored image (yet). */
  emptyRunIds: string[];
}

export async function resolveSelection(
  db: Database,
  { runIds, imageIds }: SelectionInput,
): Promise<ResolvedSelection> {
  const [runRows, runImages, pickedImages] = await Promise.all([
    runIds.length ? db.select({ id: runs.id }).from(runs).where(inArray(runs.id, runIds)) : [],
    runIds.length
      ? db
          .select({ id: images.id, runId: images.runId, ...TAKE_COLUMNS })
          .from(images)
          .innerJoin(jobs, eq(jobs.id, images.jobId))
          .where(inArray(images.runId, runIds))
          .orderBy(asc(jobs.position), asc(images.index))
      : [],
    imageIds.length ? db.select({ id: images.id }).from(images).where(inArray(images.id, imageIds)) : [],
  ]);
  const counted = ofCountingTakes(runImages);
  const knownRuns = new Set(runRows.map((row) => row.id));
  const knownImages = new Set(pickedImages.map((row) => row.id));
  const ordered = [
    ...runIds.flatMap((runId) => counted.filter((image) => image.runId === runId).map((image) => image.id)),
    ...imageIds.filter((id) => knownImages.has(id)),
  ];
  return {
    imageIds: [...new Set(ordered)],
    unknownRunIds: runIds.filter((id) => !knownRuns.has(id)),
    unknownImageIds: imageIds.filter((id) => !knownImages.has(id)),
    emptyRunIds: runIds.filter((id) => knownRuns.has(id) && !runImages.some((image) => image.runId === id)),
  };
}

export async function insertGallery(
  db: Database,
  gallery: typeof galleries.$inferInsert,
  imageIds: string[],
): Promise<GalleryRow> {
  return db.transaction(async (transaction) => {
    const [row] = await transaction.insert(galleries).values(gallery).returning();
    await transaction
      .insert(galleryImages)
      .values(imageIds.map((imageId, position) => ({ galleryId: gallery.id, imageId, position })));
    return row!;
  });
}

/** Revoked and expired galleries are invisible to every public reader, exactly like unknown ones. */
const isActive = () =>
  and(isNull(galleries.revokedAt), or(isNull(galleries.expiresAt), gt(galleries.expiresAt, sql`now()`)));

export async function findActiveGallery(db: Database, slug: string): Promise<GalleryRow | null> {
  const [row] = await db
    .select()
    .from(galleries)
    .where(and(eq(galleries.slug, slug), isActive()));
  return row ?? null;
}

/** A gallery the owner still has: not revoked, expired or not (its results outlive the link). */
export async function findOwnedGallery(db: Database, slug: string): Promise<GalleryRow | null> {
  const [row] = await db
    .select()
    .from(galleries)
    .where(and(eq(galleries.slug, slug), isNull(galleries.revokedAt)));
  return row ?? null;
}

/**
 * The owner's edits of a link that is not revoked (an expired one can be given a new expiry).
 * Null when there is no such gallery.
 */
export async function updateGallery(
  db: Database,
  slug: string,
  changes: Partial<
    Pick<
      GalleryRow,
      "title" | "note" | "expiresAt" | "hideNotes" | "revealedAt" | "reviewClosedAt" | "showOwnerStars"
    >
  >,
): Promise<GalleryRow | null> {
  const [row] = await db
    .update(galleries)
    .set(changes)
    .where(and(eq(galleries.slug, slug), isNull(galleries.revokedAt)))
    .returning();
  return row ?? null;
}

/** The later rounds of a review that are not revoked, first round first. */
export async function listNextRounds(db: Database, galleryId: string): Promise<GalleryRow[]> {
  return db
    .select()
    .from(galleries)
    .where(and(eq(galleries.previousGalleryId, galleryId), isNull(galleries.revokedAt)))
    .orderBy(asc(galleries.createdAt));
}

export async function findGalleryById(db: Database, id: string): Promise<GalleryRow | null> {
  const [row] = await db.select().from(galleries).where(eq(galleries.id, id));
  return row ?? null;
}

export interface GalleryRows {
  gallery: GalleryRow;
  /** The shared images in gallery order. */
  images: ImageRow[];
  /** The runs and jobs those images belong to; jobs in submission order. */
  runs: RunRow[];
  jobs: JobRow[];
  /** The inputs of those runs, each run's in order; absent where a reader needs none. */
  inputs?: Awaited<ReturnType<typeof listInputsOfRuns>>;
}

/**
 * An active gallery with its images and the runs and jobs they came from; null when revoked, expired
 * or unknown. `find` picks which galleries count (findOwnedGallery: expired ones too, for the owner).
 */
export async function getGalleryRows(
  db: Database,
  slug: string,
  find: typeof findActiveGallery = findActiveGallery,
): Promise<GalleryRows | null> {
  const gallery = await find(db, slug);
  if (!gallery) return null;
  const imageRows = (
    await db
      .select({ image: images })
      .from(galleryImages)
      .innerJoin(images, eq(images.id, galleryImages.imageId))
      .where(eq(galleryImages.galleryId, gallery.id))
      .orderBy(asc(galleryImages.position))
  ).map((row) => row.image);
  if (imageRows.length === 0) return { gallery, images: [], runs: [], jobs: [] };
  const runIds = [...new Set(imageRows.map((image) => image.runId))];
  const [runRows, jobRows, inputRows] = await Promise.all([
    db.select().from(runs).where(inArray(runs.id, runIds)),
    db
      .select()
      .from(jobs)
      .where(inArray(jobs.id, [...new Set(imageRows.map((image) => image.jobId))]))
      .orderBy(...CELL_ORDER),
    listInputsOfRuns(db, runIds),
  ]);
  return { gallery, images: imageRows, runs: runRows, jobs: jobRows, inputs: inputRows };
}

/** One image of an active gallery, or null when the gallery is revoked/unknown or lacks it. */
export async function getGalleryImageId(db: Database, slug: string, imageId: string): Promise<string | null> {
  const [row] = await db
    .select({ imageId: galleryImages.imageId })
    .from(galleryImages)
    .innerJoin(galleries, eq(galleries.id, galleryImages.galleryId))
    .where(and(eq(galleries.slug, slug), isActive(), eq(galleryImages.imageId, imageId)));
  return row?.imageId ?? null;
}

/** Returns false when there was no active gallery with this slug. */
export async function revokeGallery(db: Database, slug: string, now = new Date()): Promise<boolean> {
  const revoked = await db
    .update(galleries)
    .set({ revokedAt: now })
    .where(and(eq(galleries.slug, slug), isNull(galleries.revokedAt)))
    .returning({ id: galleries.id });
  return revoked.length > 0;
}

export interface GalleryListRow {
  gallery: GalleryRow;
  imageCount: number;
  /** Ballots that count: every reviewer's ballot but those the owner excluded. */
  reviewerCount: number;
  /** Thumbnail of the first image, null for a gallery whose images were all deleted. */
  thumbnailKey: string | null;
}

/** Counts, reviewers and first thumbnail of the given gallery rows. */
async function withSummaries(
  db: Database,
  rows: { gallery: GalleryRow; imageCount: number; firstPosition: number | null }[],
): Promise<GalleryListRow[]> {
  const galleryIds = rows.map((row) => row.gallery.id);
  const firstImages = rows.length
    ? await db
        .select({
          galleryId: galleryImages.galleryId,
          position: galleryImages.position,
          thumbnailKey: images.thumbnailKey,
        })
        .from(galleryImages)
        .innerJoin(images, eq(images.id, galleryImages.imageId))
        .where(inArray(galleryImages.galleryId, galleryIds))
    : [];
  const reviewers = await countCountedBallots(
    db,
    rows.filter((row) => row.gallery.reviewMode).map((row) => row.gallery.id),
  );
  return rows.map(({ gallery, imageCount, firstPosition }) => ({
    gallery,
    imageCount,
    reviewerCount: reviewers.get(gallery.id) ?? 0,
    thumbnailKey:
      firstImages.find((image) => image.galleryId === gallery.id && image.position === firstPosition)
        ?.thumbnailKey ?? null,
  }));
}

const summaryColumns = {
  gallery: galleries,
  imageCount: count(galleryImages.imageId),
  firstPosition: min(galleryImages.position),
};

/** Active galleries, newest first, for the "Shared links" page. */
export async function listGalleryRows(db: Database, limit = 200): Promise<GalleryListRow[]> {
  const rows = await db
    .select(summaryColumns)
    .from(galleries)
    .leftJoin(galleryImages, eq(galleryImages.galleryId, galleries.id))
    .where(isNull(galleries.revokedAt))
    .groupBy(galleries.id)
    .orderBy(desc(galleries.createdAt), desc(galleries.id))
    .limit(limit);
  return withSummaries(db, rows);
}

/** One not-revoked gallery as the "Shared links" page lists it, or null. */
export async function getGallerySummaryRow(db: Database, galleryId: string): Promise<GalleryListRow | null> {
  const rows = await db
    .select(summaryColumns)
    .from(galleries)
    .leftJoin(galleryImages, eq(galleryImages.galleryId, galleries.id))
    .where(and(eq(galleries.id, galleryId), isNull(galleries.revokedAt)))
    .groupBy(galleries.id);
  return (await withSummaries(db, rows))[0] ?? null;
}
