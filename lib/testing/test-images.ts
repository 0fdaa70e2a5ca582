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

/** GETs a URL and keeps the bytes, whatever the status. */
export async function download(url: string) {
  const response = await fetch(url);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, contentType: response.headers.get("content-type"), bytes };
}

/** Downloads an image and reads its format and size. */
export async function imageInfo(url: string) {
  const { status, contentType, bytes } = await download(url);
  const metadata = await sharp(bytes).metadata();
  return {
    status,
    contentType,
    bytes,
    format: metadata.format,
    width: metadata.width,
    height: metadata.height,
  };
}
