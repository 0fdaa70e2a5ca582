import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { Database } from "@/lib/db/client";
import type { InputRow } from "@/lib/db/input-schema";
import { newId } from "@/lib/db/ids";
import { getImageWithContext } from "@/lib/db/queries/images";
import { insertOrFindInput } from "@/lib/db/queries/inputs";
import { AppError } from "@/lib/errors";
import type { BlobStore } from "@/lib/storage/blob-store";
import { processInput } from "./process-input";
import { temporaryUploadPath } from "./upload-files";

/**
 * Turns the picture in a temporary file into a stored input: checked and re-encoded, both blobs
 * stored (each written whole or not at all), and only then the row, so a crash at any point leaves
 * no row pointing at a missing blob. The same picture twice is the same input.
 */
export async function createInputFromFile(
  db: Database,
  blobStore: BlobStore,
  filePath: string,
): Promise<InputRow> {
  const processed = await processInput(filePath);
  const original = await blobStore.put(processed.bytes, processed.extension);
  const thumbnail = await blobStore.put(processed.thumbnail, "webp");
  return insertOrFindInput(db, {
    id: newId(),
    sha256: original.sha256,
    blobKey: original.key,
    thumbnailKey: thumbnail.key,
    width: processed.width,
    height: processed.height,
    contentType: processed.contentType,
    byteSize: processed.bytes.byteLength,
    notes: processed.notes,
  });
}

/** "Edit this image": an input made of an image Prism stored, read from the blob store, no upload. */
export async function createInputFromImage(
  db: Database,
  blobStore: BlobStore,
  imageId: string,
): Promise<InputRow> {
  const found = await getImageWithContext(db, imageId);
  const blob = found && (await blobStore.get(found.image.blobKey));
  if (!blob) {
    throw new AppError("invalid_input", "No stored image with this id", {
      issues: [{ path: "fromImageId", message: `No stored image with id ${imageId}` }],
    });
  }
  const filePath = await temporaryUploadPath();
  try {
    await pipeline(
      Readable.fromWeb(blob.stream as never),
      createWriteStream(filePath, { flags: "wx", mode: 0o600 }),
    );
    return await createInputFromFile(db, blobStore, filePath);
  } finally {
    await rm(filePath, { force: true });
  }
}
