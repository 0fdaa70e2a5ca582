import "server-only";
import sharp from "sharp";
import type { BlobStore } from "@/lib/storage/blob-store";

const MAX_TILES = 4;

export interface CollageTile {
  /** A JPEG data URL: next/og cannot decode WebP, which is what thumbnails are. */
  src: string;
  width: number;
}

/** Up to four thumbnails as equal vertical strips filling `size`. */
export async function collageTiles(
  blobStore: BlobStore,
  thumbnailKeys: string[],
  size: { width: number; height: number },
): Promise<CollageTile[]> {
  const keys = thumbnailKeys.slice(0, MAX_TILES);
  const width = Math.floor(size.width / Math.max(keys.length, 1));
  const tiles = await Promise.all(
    keys.map(async (key) => {
      const blob = await blobStore.get(key);
      if (!blob) return null;
      const bytes = Buffer.from(await new Response(blob.stream).arrayBuffer());
      const jpeg = await sharp(bytes)
        .resize(width, size.height, { fit: "cover" })
        .jpeg({ quality: 80 })
        .toBuffer();
      return { src: `data:image/jpeg;base64,${jpeg.toString("base64")}`, width };
    }),
  );
  return tiles.filter((tile): tile is CollageTile => tile !== null);
}
