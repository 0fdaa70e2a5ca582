/** Image types Prism stores, recognised by magic bytes rather than by what a server claims. */
export const IMAGE_TYPES = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
} as const;

/** Width of the WebP thumbnails stored beside every image and input, for grids. */
export const THUMBNAIL_WIDTH = 384;

export type ImageContentType = keyof typeof IMAGE_TYPES;

export function sniffImageType(bytes: Uint8Array): ImageContentType | null {
  const starts = (signature: number[], offset = 0) =>
    signature.every((byte, i) => bytes[offset + i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (starts([0xff, 0xd8, 0xff])) return "image/jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  return null;
}

export function extensionFor(contentType: string): string {
  return IMAGE_TYPES[contentType as ImageContentType] ?? "bin";
}
