import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, min } from "drizzle-orm";
import type { GallerySummary, GalleryView, RunView } from "@/lib/api/views";
import type { Database } from "../client";
import {
  galleries,
  galleryImages,
  images,
  jobs,
  runs,
  type GalleryRow,
  type ImageRow,
  type JobRow,
} from "../schema";
import { fileUrl, toJobView } from "./to-views";

export interface SelectionInput {
  runIds: string[];
  imageIds: string[];
}

export interface ResolvedSelection {
  /** Every selected image once: whole runs first (job order, then image order), then single images. */
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
          .select({ id: images.id, runId: images.runId })
          .from(images)
          .innerJoin(jobs, eq(jobs.id, images.jobId))
          .where(inArray(images.runId, runIds))
          .orderBy(asc(jobs.position), asc(images.index))
      : [],
    imageIds.length ? db.select({ id: images.id }).from(images).where(inArray(images.id, imageIds)) : [],
  ]);
  const knownRuns = new Set(runRows.map((row) => row.id));
  const knownImages = new Set(pickedImages.map((row) => row.id));
  const ordered = [
    ...runIds.flatMap((runId) => runImages.filter((image) => image.runId === runId).map((image) => image.id)),
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

/** Revoked galleries are invisible to every reader, exactly like unknown ones. */
async function findActiveGallery(db: Database, slug: string): Promise<GalleryRow | null> {
  const [row] = await db
    .select()
    .from(galleries)
    .where(and(eq(galleries.slug, slug), isNull(galleries.revokedAt)));
  return row ?? null;
}

/**
 * Groups ordered images into runs and jobs: runs in the order of their first image, jobs in
 * submission order, each job keeping only the given images.
 */
async function toRunViews(db: Database, imageRows: ImageRow[]): Promise<RunView[]> {
  if (imageRows.length === 0) return [];
  const runIds = [...new Set(imageRows.map((image) => image.runId))];
  const [runRows, jobRows] = await Promise.all([
    db.select().from(runs).where(inArray(runs.id, runIds)),
    db
      .select()
      .from(jobs)
      .where(inArray(jobs.id, [...new Set(imageRows.map((image) => image.jobId))]))
      .orderBy(asc(jobs.position)),
  ]);
  return runIds.flatMap((runId) => {
    const run = runRows.find((row) => row.id === runId);
    if (!run) return [];
    const runJobs = jobRows.filter((job: JobRow) => job.runId === runId);
    return [
      {
        id: run.id,
        prompt: run.prompt,
        createdAt: run.createdAt.toISOString(),
        jobs: runJobs.map((job) =>
          toJobView(
            job,
            imageRows.filter((image) => image.jobId === job.id).sort((a, b) => a.index - b.index),
          ),
        ),
      },
    ];
  });
}

export async function getGalleryView(db: Database, slug: string): Promise<GalleryView | null> {
  const gallery = await findActiveGallery(db, slug);
  if (!gallery) return null;
  const rows = await db
    .select({ image: images })
    .from(galleryImages)
    .innerJoin(images, eq(images.id, galleryImages.imageId))
    .where(eq(galleryImages.galleryId, gallery.id))
    .orderBy(asc(galleryImages.position));
  return {
    slug: gallery.slug,
    title: gallery.title,
    note: gallery.note,
    createdAt: gallery.createdAt.toISOString(),
    runs: await toRunViews(
      db,
      rows.map((row) => row.image),
    ),
  };
}

/** One image of an active gallery, or null when the gallery is revoked/unknown or lacks it. */
export async function getGalleryImageId(db: Database, slug: string, imageId: string): Promise<string | null> {
  const [row] = await db
    .select({ imageId: galleryImages.imageId })
    .from(galleryImages)
    .innerJoin(galleries, eq(galleries.id, galleryImages.galleryId))
    .where(and(eq(galleries.slug, slug), isNull(galleries.revokedAt), eq(galleryImages.imageId, imageId)));
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

/** Active galleries, newest first, for the "Shared links" page. */
export async function listGalleries(db: Database, limit = 200): Promise<GallerySummary[]> {
  const rows = await db
    .select({
      gallery: galleries,
      imageCount: count(galleryImages.imageId),
      firstPosition: min(galleryImages.position),
    })
    .from(galleries)
    .leftJoin(galleryImages, eq(galleryImages.galleryId, galleries.id))
    .where(isNull(galleries.revokedAt))
    .groupBy(galleries.id)
    .orderBy(desc(galleries.createdAt), desc(galleries.id))
    .limit(limit);
  const firstImages = rows.length
    ? await db
        .select({
          galleryId: galleryImages.galleryId,
          position: galleryImages.position,
          thumbnailKey: images.thumbnailKey,
        })
        .from(galleryImages)
        .innerJoin(images, eq(images.id, galleryImages.imageId))
        .where(
          inArray(
            galleryImages.galleryId,
            rows.map((row) => row.gallery.id),
          ),
        )
    : [];
  return rows.map(({ gallery, imageCount, firstPosition }) => {
    const first = firstImages.find(
      (image) => image.galleryId === gallery.id && image.position === firstPosition,
    );
    return {
      slug: gallery.slug,
      title: gallery.title,
      note: gallery.note,
      createdAt: gallery.createdAt.toISOString(),
      imageCount,
      thumbnailUrl: first ? fileUrl(first.thumbnailKey) : null,
    };
  });
}
