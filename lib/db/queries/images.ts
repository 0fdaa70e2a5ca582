import "server-only";
import { and, eq, inArray, ne, or } from "drizzle-orm";
import type { Database } from "../client";
import { images, jobs, runs, type ImageRow, type JobRow, type NewImageRow } from "../schema";
import type { StoredRunConfig } from "../stored-run-config";
import { inputs } from "../input-schema";
import { settleBlobWrites } from "./blobs";

/** What became of an image insert: a job canceled or deleted meanwhile keeps no image. */
export type ImageInsert = "recorded" | "job canceled" | "job deleted";

/**
 * Idempotent per (job, index): a resumed download never stores an image twice. An image for a job
 * canceled or deleted meanwhile is not recorded: the job row is locked and checked first, in the
 * transaction that inserts, so a cancel or a delete lands either wholly before or wholly after.
 */
export async function insertImage(db: Database, image: NewImageRow): Promise<ImageInsert> {
  return db.transaction(async (transaction) => {
    // Its blobs' writes are over either way: referred to now, or left for the orphan sweep.
    await settleBlobWrites(transaction, [image.blobKey, image.thumbnailKey]);
    const [job] = await transaction
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.id, image.jobId), ne(jobs.status, "canceled")))
      .for("update");
    if (!job) {
      const [canceled] = await transaction.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, image.jobId));
      return canceled ? "job canceled" : "job deleted";
    }
    await transaction
      .insert(images)
      .values(image)
      .onConflictDoNothing({ target: [images.jobId, images.index] });
    return "recorded";
  });
}

export async function listImagesOfJob(db: Database, jobId: string): Promise<ImageRow[]> {
  return db.select().from(images).where(eq(images.jobId, jobId)).orderBy(images.index);
}

/**
 * Of these blob keys, the ones no image and no input refers to any more (as original or
 * thumbnail): an input may hold the very bytes of a result it was made from.
 */
export async function unreferencedBlobKeys(db: Database, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const [byImages, byInputs] = await Promise.all([
    db
      .select({ blobKey: images.blobKey, thumbnailKey: images.thumbnailKey })
      .from(images)
      .where(or(inArray(images.blobKey, keys), inArray(images.thumbnailKey, keys))),
    db
      .select({ blobKey: inputs.blobKey, thumbnailKey: inputs.thumbnailKey })
      .from(inputs)
      .where(or(inArray(inputs.blobKey, keys), inArray(inputs.thumbnailKey, keys))),
  ]);
  const stillUsed = new Set([...byImages, ...byInputs].flatMap((row) => [row.blobKey, row.thumbnailKey]));
  return [...new Set(keys)].filter((key) => !stillUsed.has(key));
}

export interface ImageWithContext {
  image: ImageRow;
  modelId: string;
  prompt: string;
}

/** An image with what its download name needs: the model of its job and the prompt of its run. */
export async function getImageWithContext(db: Database, imageId: string): Promise<ImageWithContext | null> {
  const [row] = await db
    .select({ image: images, modelId: jobs.modelId, prompt: jobs.prompt })
    .from(images)
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .where(eq(images.id, imageId));
  return row ?? null;
}

/** Stars an image and/or sets its note (which moves its run's version). Null for an unknown image. */
export async function updateImageAnnotations(
  db: Database,
  imageId: string,
  changes: { starred?: boolean; note?: string | null },
): Promise<ImageRow | null> {
  // An unstarred image leaves the picks board, so starring it again puts it with the new picks.
  const leaves = changes.starred === false ? { pickPosition: null } : {};
  const [row] = await db
    .update(images)
    .set({ ...changes, ...leaves })
    .where(eq(images.id, imageId))
    .returning();
  return row ?? null;
}

export interface ImageWithJob {
  image: ImageRow;
  job: JobRow;
  prompt: string;
  /** The configuration (column) of the job's run. */
  config: StoredRunConfig | undefined;
}

/** These images with their job, prompt and configuration, in the order asked; unknown ids are left out. */
export async function listImagesWithJobs(db: Database, imageIds: string[]): Promise<ImageWithJob[]> {
  if (imageIds.length === 0) return [];
  const rows = await db
    .select({ image: images, job: jobs, prompt: jobs.prompt, configs: runs.configs })
    .from(images)
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .innerJoin(runs, eq(runs.id, jobs.runId))
    .where(inArray(images.id, imageIds));
  return imageIds.flatMap((id) =>
    rows
      .filter((row) => row.image.id === id)
      .map(({ configs, ...row }) => ({ ...row, config: configs[row.job.configIndex] })),
  );
}
