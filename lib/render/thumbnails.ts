import "server-only";
import sharp from "sharp";
import type { BlobStore } from "@/lib/storage/blob-store";
import { THUMBNAIL_WIDTH } from "@/lib/storage/image-type";

/** The stored thumbnail of an image: WebP, THUMBNAIL_WIDTH wide at most (never enlarged). */
export function makeThumbnail(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes)
    .resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

/** A stored blob's bytes, or null when it is missing. */
export async function readBlobBytes(blobStore: BlobStore, key: string): Promise<Buffer | null> {
  const blob = await blobStore.get(key);
  return blob ? Buffer.from(await new Response(blob.stream).arrayBuffer()) : null;
}

/** An image as a JPEG data URL of exactly this size: satori cannot decode WebP, which thumbnails are. */
export async function jpegDataUrl(bytes: Buffer, size: { width: number; height: number }): Promise<string> {
  // Callers pass the image's own shape, so "cover" only evens out rounding, it crops nothing visible.
  const jpeg = await sharp(bytes)
    .resize(size.width, size.height, { fit: "cover" })
    .jpeg({ quality: 80 })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}

/**
 * A blind review's rendition: WebP of exactly `box`, filled without distortion (centre-cropped
 * where the shape differs), and nothing but pixels: sharp writes no metadata unless asked, so
 * EXIF, XMP, ICC, text and C2PA chunks of the original are all gone.
 */
export function makeRendition(bytes: Uint8Array, box: { width: number; height: number }): Promise<Buffer> {
  return sharp(bytes)
    .rotate()
    .resize(box.width, box.height, { fit: "cover" })
    .webp({ quality: 90 })
    .toBuffer();
}
