import "server-only";
import { jpegDataUrl, readBlobBytes } from "@/lib/render/thumbnails";
import type { BlobStore } from "@/lib/storage/blob-store";
import { collageLayout, type Placement } from "./collage-layout";

const MAX_TILES = 4;

export interface CollageTile extends Placement {
  /** A JPEG data URL: next/og cannot decode WebP, which is what thumbnails are. */
  src: string;
}

export interface CollageImage {
  thumbnailKey: string;
  width: number;
  height: number;
}

/** Up to four thumbnails, whole, laid out to fill as much of `size` as their shapes allow. */
export async function collageTiles(
  blobStore: BlobStore,
  images: CollageImage[],
  size: { width: number; height: number },
): Promise<CollageTile[]> {
  const shown = images.slice(0, MAX_TILES);
  const placements = collageLayout(
    shown.map((image) => image.width / image.height),
    size,
  );
  const tiles = await Promise.all(
    shown.map(async (image, index) => {
      const placement = placements[index]!;
      const bytes = await readBlobBytes(blobStore, image.thumbnailKey);
      return bytes && { ...placement, src: await jpegDataUrl(bytes, placement) };
    }),
  );
  return tiles.filter((tile): tile is CollageTile => tile !== null);
}
