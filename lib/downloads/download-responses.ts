import "server-only";
import type { Database } from "@/lib/db/client";
import { getImageWithContext } from "@/lib/db/queries/images";
import type { ImageRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { RunView } from "@/lib/api/views";
import type { BlobStore } from "@/lib/storage/blob-store";
import type { ReviewView } from "@/lib/api/review-views";
import { MANIFEST_NAME, planArchive, type ArchivePlan, type ArchiveSource } from "./archive-manifest";
import { planBlindArchive } from "./blind-archive";
import { archiveFilename, contentDisposition, imageFilename } from "./filename";
import { zipStream, type ZipEntry } from "./zip-stream";

const missingBlob = () => new AppError("not_found", "The stored file of this image is missing");

/** One stored image as an attachment named after its model, prompt and position. */
export async function imageDownloadResponse(
  db: Database,
  blobStore: BlobStore,
  imageId: string,
  /** Replaces the model in the name, e.g. the option letter of a blind review. */
  nameAs?: { label: string; prompt: string },
): Promise<Response> {
  const found = await getImageWithContext(db, imageId);
  if (!found) throw new AppError("not_found", "No image with this id");
  const { image, modelId, prompt } = found;
  const blob = await blobStore.get(image.blobKey);
  if (!blob) throw missingBlob();
  return new Response(blob.stream, {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(blob.byteSize),
      "Content-Disposition": contentDisposition(
        nameAs
          ? imageFilename(`option-${nameAs.label}`, nameAs.prompt, 1, image.contentType)
          : imageFilename(modelId, prompt, image.index + 1, image.contentType),
      ),
      "Cache-Control": "private, max-age=3600",
    },
  });
}

/** The image rows behind the views being exported: where each image's bytes are stored. */
export type StoredImages = readonly Pick<ImageRow, "id" | "blobKey">[];

/**
 * Files besides the images, e.g. a contact sheet: as a function, they are had only once the images
 * are known to be there (a ZIP with none is 404 without drawing anything), and before the first byte.
 */
export type ArchiveExtras = ZipEntry[] | (() => Promise<ZipEntry[]>);

/**
 * Every image of these runs plus manifest.json (and `extras`), streamed as a ZIP. `stored` are the
 * rows the views were made from.
 */
export async function archiveResponse(
  blobStore: BlobStore,
  source: ArchiveSource,
  runs: RunView[],
  stored: StoredImages,
  extras: ArchiveExtras = [],
): Promise<Response> {
  return planResponse(blobStore, source, planArchive(source, runs), stored, extras);
}

/**
 * A blind review's images under option letters and its inputs, each under the review's own id, with
 * a manifest that names no model.
 */
export async function blindArchiveResponse(
  blobStore: BlobStore,
  source: ArchiveSource,
  review: ReviewView,
  stored: StoredImages,
  inputs: readonly { id: string; blobKey: string; contentType: string }[] = [],
): Promise<Response> {
  const types = new Map(inputs.map((input) => [input.id, input.contentType]));
  return planResponse(blobStore, source, planBlindArchive(source, review, types), [...stored, ...inputs]);
}

async function planResponse(
  blobStore: BlobStore,
  source: ArchiveSource,
  { manifest, files }: ArchivePlan,
  stored: StoredImages,
  extras: ArchiveExtras = [],
): Promise<Response> {
  if (files.length === 0) throw new AppError("not_found", "There are no stored images to download");
  const blobKeys = new Map(stored.map((image) => [image.id, image.blobKey]));
  // Checked before the first byte: once streaming, a missing file could only truncate the ZIP.
  const present = await Promise.all(files.map((file) => blobStore.has(blobKeys.get(file.imageId) ?? "")));
  if (present.includes(false)) throw missingBlob();
  const extraFiles = typeof extras === "function" ? await extras() : extras;
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const stream = zipStream([
    { name: MANIFEST_NAME, open: async () => manifestBytes },
    ...extraFiles,
    ...files.map((file) => ({
      name: file.name,
      open: async () => {
        const key = blobKeys.get(file.imageId);
        const blob = key ? await blobStore.get(key) : null;
        if (!blob) throw missingBlob();
        return blob.stream;
      },
    })),
  ]);
  return new Response(stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition(archiveFilename(source.title)),
      "Cache-Control": "no-store",
    },
  });
}
