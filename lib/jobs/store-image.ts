import "server-only";
import sharp from "sharp";
import { errorBrand } from "@/lib/error-brand";
import { makeThumbnail } from "@/lib/render/thumbnails";
import type { BlobStore } from "@/lib/storage/blob-store";
import { extensionFor, sniffImageType } from "@/lib/storage/image-type";

export interface StoredImage {
  blobKey: string;
  thumbnailKey: string;
  width: number;
  height: number;
  contentType: string;
  byteSize: number;
  sha256: string;
}

/** Thrown when the bytes are not a PNG, JPEG or WebP that sharp can read. */
export class InvalidImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidImageError";
    INVALID_IMAGE_ERROR.mark(this);
  }
}

const INVALID_IMAGE_ERROR = errorBrand<InvalidImageError>("InvalidImageError");
/** Recognises an InvalidImageError from any copy of this module (lib/error-brand.ts). */
export const isInvalidImageError = INVALID_IMAGE_ERROR.is;

/** Stores the original bytes as they came and a WebP thumbnail for grids, both content-addressed. */
export async function storeImage(blobStore: BlobStore, bytes: Uint8Array): Promise<StoredImage> {
  const contentType = sniffImageType(bytes);
  if (!contentType) throw new InvalidImageError("not a PNG, JPEG or WebP image");
  const extension = extensionFor(contentType);
  let width: number | undefined;
  let height: number | undefined;
  let thumbnail: Buffer;
  try {
    ({ width, height } = await sharp(bytes).metadata());
    thumbnail = await makeThumbnail(bytes);
  } catch {
    throw new InvalidImageError(`unreadable ${extension.toUpperCase()} image`);
  }
  if (!width || !height) throw new InvalidImageError("image without dimensions");
  const original = await blobStore.put(bytes, extension);
  const thumbnailBlob = await blobStore.put(thumbnail, "webp");
  return {
    blobKey: original.key,
    thumbnailKey: thumbnailBlob.key,
    width,
    height,
    contentType,
    byteSize: bytes.byteLength,
    sha256: original.sha256,
  };
}
