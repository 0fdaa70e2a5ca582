import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { pngImage } from "./test-images";

/** Pictures that exercise the input pipeline, each built in memory in a few milliseconds. */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG whose header declares width × height but whose data is a few bytes: a decompression bomb. */
export function declaredHugePng(width = 30_000, height = 30_000): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(64))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A PNG carrying an EXIF block with a GPS position (the GPS IFD pointer, tag 0x8825). */
export async function pngWithGps(): Promise<Buffer> {
  return sharp(await pngImage(200, 150, 3))
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1" } })
    .png()
    .toBuffer();
}

/** True when EXIF bytes hold the GPS IFD pointer (either byte order). */
export function hasGpsTag(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])));
}

/** A two-frame GIF: red, then blue. */
export async function animatedGif(): Promise<Buffer> {
  const frame = (background: string) =>
    sharp({ create: { width: 96, height: 96, channels: 3, background } })
      .png()
      .toBuffer();
  return sharp([await frame("#ff0000"), await frame("#0000ff")], { join: { animated: true } })
    .gif()
    .toBuffer();
}

export async function cmykJpeg(): Promise<Buffer> {
  return sharp(await pngImage(120, 90, 5))
    .toColourspace("cmyk")
    .jpeg()
    .toBuffer();
}

export const NOT_IMAGES = {
  html: Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
  svg: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"/>'),
  pdf: Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
  heic: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic\0\0\0\0mif1heic")]),
};
