import sharp from "sharp";

/** A real PNG of the given size; `seed` varies the colour so images differ byte for byte. */
export function pngImage(width: number, height: number, seed = 0): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: { r: (seed * 37) % 256, g: (seed * 91) % 256, b: 120 },
    },
  })
    .png()
    .toBuffer();
}
