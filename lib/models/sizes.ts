import type { AspectRatio } from "./types";

export interface PixelSize {
  width: number;
  height: number;
}

/**
 * Z-Image's recommended sizes per tier (docs/providers.md §7.1). Used by DashScope's `size`, by
 * shortapi z-image's 1K/1.5K tiers (§7.2, reading (a)) and by the simulator.
 */
export const Z_IMAGE_SIZES: Record<"1024" | "1280" | "1536", Record<AspectRatio, PixelSize>> = {
  "1024": {
    "1:1": { width: 1024, height: 1024 },
    "2:3": { width: 832, height: 1248 },
    "3:2": { width: 1248, height: 832 },
    "3:4": { width: 864, height: 1152 },
    "4:3": { width: 1152, height: 864 },
    "9:16": { width: 720, height: 1280 },
    "16:9": { width: 1280, height: 720 },
    "21:9": { width: 1344, height: 576 },
  },
  "1280": {
    "1:1": { width: 1280, height: 1280 },
    "2:3": { width: 1024, height: 1536 },
    "3:2": { width: 1536, height: 1024 },
    "3:4": { width: 1104, height: 1472 },
    "4:3": { width: 1472, height: 1104 },
    "9:16": { width: 864, height: 1536 },
    "16:9": { width: 1536, height: 864 },
    "21:9": { width: 1680, height: 720 },
  },
  "1536": {
    "1:1": { width: 1536, height: 1536 },
    "2:3": { width: 1248, height: 1872 },
    "3:2": { width: 1872, height: 1248 },
    "3:4": { width: 1296, height: 1728 },
    "4:3": { width: 1728, height: 1296 },
    "9:16": { width: 1152, height: 2048 },
    "16:9": { width: 2048, height: 1152 },
    "21:9": { width: 2016, height: 864 },
  },
};

/** pixazo `image_size` presets, fal-style pixels (docs/providers.md §7.3, inferred). */
export const PIXAZO_IMAGE_SIZES = {
  square_1_1: { width: 1024, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  portrait_3_4: { width: 768, height: 1024 },
  landscape_16_9: { width: 1024, height: 576 },
  portrait_9_16: { width: 576, height: 1024 },
} as const satisfies Record<string, PixelSize>;

export type PixazoImageSize = keyof typeof PIXAZO_IMAGE_SIZES;

/** FLUX renders about 1 MP; multiples of 16 (docs/providers.md §7.4, a simulator choice). */
export function fluxSize(aspectRatio: AspectRatio): PixelSize {
  return Z_IMAGE_SIZES["1024"][aspectRatio];
}

export function parseStarSize(size: string): PixelSize | null {
  const match = /^(\d+)\*(\d+)$/.exec(size);
  if (!match) return null;
  return { width: Number(match[1]), height: Number(match[2]) };
}

export function ratioOf(aspectRatio: AspectRatio): number {
  const [w, h] = aspectRatio.split(":").map(Number);
  return (w ?? 1) / (h ?? 1);
}
