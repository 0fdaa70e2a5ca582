import "server-only";
import type { Database } from "@/lib/db/client";
import { storedKeysOf, getImageWithContext } from "@/lib/db/queries/images";
import { AppError } from "@/lib/errors";
import type { RunView } from "@/lib/api/views";
import type { BlobStore } from "@/lib/storage/blob-store";
import type { ReviewView } from "@/lib/api/review-views";
import {
  MANIFEST_NAME,
  planArchive,
  planBlindArchive,
  type ArchivePlan,
  type ArchiveSource,
} from "./archive-manifest";
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

/** Every image of these runs plus manifest.json (and `extras`, e.g. a contact sheet), streamed as a ZIP. */
export async function archiveResponse(
  db: Database,
  blobStore: BlobStore,
  source: ArchiveSource,
  runs: RunView[],
  extras: ZipEntry[] = [],
): Promise<Response> {
  return planResponse(db, blobStore, source, planArchive(source, runs), extras);
}

/** A blind review's images under option letters, with a manifest that names no model. */
export async function blindArchiveResponse(
  db: Database,
  blobStore: BlobStore,
  source: ArchiveSource,
  review: ReviewView,
): Promise<Response> {
  return planResponse(db, blobStore, source, planBlindArchive(source, review));
}

async function planResponse(
  db: Database,
  blobStore: BlobStore,
  source: ArchiveSource,
  { manifest, files }: ArchivePlan,
  extras: ZipEntry[] = [],
): Promise<Response> {
  if (files.length === 0) throw new AppError("not_found", "There are no stored images to download");
  const keys = await storedKeysOf(
    db,
    files.map((file) => file.imageId),
  );
  // Checked before the first byte: once streaming, a missing file could only truncate the ZIP.
  const present = await Promise.all(
    files.map((file) => blobStore.has(keys.get(file.imageId)?.blobKey ?? "")),
  );
  if (present.includes(false)) throw missingBlob();
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const stream = zipStream([
    { name: MANIFEST_NAME, open: async () => manifestBytes },
    ...extras,
    ...files.map((file) => ({
      name: file.name,
      open: async () => {
        const key = keys.get(file.imageId)?.blobKey;
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
