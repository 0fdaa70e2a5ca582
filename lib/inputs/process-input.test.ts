import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  animatedGif,
  cmykJpeg,
  declaredHugePng,
  hasGpsTag,
  NOT_IMAGES,
  pngWithGps,
} from "@/lib/testing/input-images";
import { pngImage } from "@/lib/testing/test-images";
import { limitConcurrency } from "./concurrency";
import { processInput } from "./process-input";

let directory: string;
let count = 0;

beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), "prism-input-test-"));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

async function process(bytes: Uint8Array) {
  const file = path.join(directory, `upload-${(count += 1)}.png`);
  await writeFile(file, bytes);
  return processInput(file);
}

async function refusal(bytes: Uint8Array) {
  return process(bytes).then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: { code: string; status: number; message: string }) => error,
  );
}

describe("the input pipeline", () => {
  it("re-encodes a PNG and makes a WebP thumbnail", async () => {
    const input = await process(await pngImage(640, 480));
    expect(input).toMatchObject({ width: 640, height: 480, contentType: "image/png", notes: [] });
    expect((await sharp(input.thumbnail).metadata()).format).toBe("webp");
  });

  it("refuses an empty or truncated upload with 400", async () => {
    expect(await refusal(new Uint8Array())).toMatchObject({ status: 400, message: "The upload is empty" });
    const png = await pngImage(400, 300, 1);
    expect(await refusal(png.subarray(0, Math.floor(png.length / 2)))).toMatchObject({
      status: 400,
      message: expect.stringContaining("truncated"),
    });
  });

  it.each([
    ["HTML named .png", NOT_IMAGES.html, "an HTML page"],
    ["SVG", NOT_IMAGES.svg, "an SVG image"],
    ["PDF", NOT_IMAGES.pdf, "a PDF document"],
    ["HEIC", NOT_IMAGES.heic, "a HEIC image"],
  ])("refuses %s with 415 naming what it is", async (_, bytes, found) => {
    expect(await refusal(bytes)).toMatchObject({
      status: 415,
      code: "unsupported_media_type",
      message: expect.stringContaining(found),
    });
  });

  it("refuses a 30,000 × 30,000 PNG bomb with 422 from its header alone", async () => {
    const bomb = declaredHugePng();
    expect(bomb.length).toBeLessThan(200);
    expect(await refusal(bomb)).toMatchObject({
      status: 422,
      message: expect.stringContaining("30000 × 30000 (900 megapixels)"),
    });
  });

  it("refuses a picture under 64 px a side with 422", async () => {
    expect(await refusal(await pngImage(63, 200))).toMatchObject({ status: 422 });
  });

  it("keeps an animated GIF's first frame, as a PNG, and says so", async () => {
    const input = await process(await animatedGif());
    expect(input).toMatchObject({ contentType: "image/png", width: 96, height: 96 });
    expect(input.notes).toEqual(["Kept the first frame of an animated GIF (2 frames)"]);
    const { data } = await sharp(input.bytes).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([255, 0, 0]);
  });

  it("converts a CMYK JPEG to sRGB", async () => {
    const cmyk = await cmykJpeg();
    expect((await sharp(cmyk).metadata()).space).toBe("cmyk");
    const input = await process(cmyk);
    expect(input.contentType).toBe("image/jpeg");
    expect((await sharp(input.bytes).metadata()).space).toBe("srgb");
    expect(input.notes).toContain("Converted from CMYK to sRGB");
  });

  it("strips EXIF with its GPS position", async () => {
    const withGps = await pngWithGps();
    expect(hasGpsTag((await sharp(withGps).metadata()).exif)).toBe(true);
    const metadata = await sharp((await process(withGps)).bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
  });
});

describe("limitConcurrency", () => {
  it("runs at most the limit at once, the rest in order", async () => {
    const run = limitConcurrency(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        run(async () => {
          running += 1;
          most = Math.max(most, running);
          await new Promise((resolve) => setImmediate(resolve));
          order.push(n);
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });
});
