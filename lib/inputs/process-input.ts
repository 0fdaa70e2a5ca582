import "server-only";
import { open } from "node:fs/promises";
import sharp, { type Metadata } from "sharp";
import { MAX_INPUT_PIXELS, MIN_INPUT_SIDE } from "@/lib/api/input-requests";
import { AppError } from "@/lib/errors";
import { makeThumbnail } from "@/lib/render/thumbnails";
import { limitConcurrency } from "./concurrency";
import { SNIFF_BYTES, sniffInput } from "./sniff-input";

/** An input as it will be stored: re-encoded (no metadata, sRGB, one frame) with its thumbnail. */
export interface ProcessedInput {
  bytes: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
  contentType: "image/png" | "image/jpeg" | "image/webp";
  extension: "png" | "jpg" | "webp";
  /** What changed on the way in, for the person to read. */
  notes: string[];
}

/**
 * Decoding is the memory- and CPU-heavy step: an instance re-encodes this many uploads at a time
 * and queues the rest, so eight parallel 10 MB uploads cannot hold eight decoded pictures at once.
 */
export const MAX_CONCURRENT_REENCODES = 2;
const reencodeSlot = limitConcurrency(MAX_CONCURRENT_REENCODES);

async function readHead(filePath: string): Promise<Uint8Array> {
  const file = await open(filePath, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const undecodable = (what: string) =>
  new AppError("bad_request", `The ${what} could not be decoded: it is truncated or damaged`);

/**
 * Checks and re-encodes the picture at `filePath`: its type from its bytes (415 naming what it
 * is otherwise), its size from the header alone before any decoding (422 above 40 megapixels or
 * under 64 px a side), then one decode of the first frame, turned upright, converted to sRGB and
 * written without any metadata (EXIF, GPS, XMP, text chunks, ICC all dropped).
 */
export async function processInput(filePath: string): Promise<ProcessedInput> {
  const head = await readHead(filePath);
  if (head.byteLength === 0) throw new AppError("bad_request", "The upload is empty");
  const sniff = sniffInput(head);
  if (!sniff.accepted) {
    throw new AppError(
      "unsupported_media_type",
      `Inputs must be PNG, JPEG, WebP or GIF images; this is ${sniff.found}`,
    );
  }
  const kind = sniff.contentType.slice("image/".length).toUpperCase();
  return reencodeSlot(async () => {
    let metadata: Metadata;
    try {
      metadata = await sharp(filePath, { limitInputPixels: false }).metadata();
    } catch {
      throw undecodable(`${kind} image`);
    }
    const { width = 0, height = 0 } = metadata;
    if (width * height > MAX_INPUT_PIXELS) {
      const megapixels = Math.round((width * height) / 1_000_000);
      throw new AppError(
        "invalid_input",
        `The image is ${width} × ${height} (${megapixels} megapixels); inputs may be at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels`,
      );
    }
    if (Math.min(width, height) < MIN_INPUT_SIDE) {
      throw new AppError(
        "invalid_input",
        `The image is ${width} × ${height}; inputs need at least ${MIN_INPUT_SIDE} px on each side`,
      );
    }
    const notes: string[] = [];
    if ((metadata.pages ?? 1) > 1 && sniff.contentType === "image/gif") {
      notes.push(`Kept the first frame of an animated GIF (${metadata.pages} frames)`);
    }
    if (metadata.space === "cmyk") notes.push("Converted from CMYK to sRGB");
    const output = outputFor(sniff.contentType);
    try {
      const base = sharp(filePath, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "truncated", pages: 1 })
        .rotate()
        .toColourspace("srgb");
      const encoded =
        output.extension === "jpg"
          ? base.jpeg({ quality: 92 })
          : output.extension === "webp"
            ? base.webp({ quality: 92 })
            : base.png();
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      const thumbnail = await makeThumbnail(data);
      return { bytes: data, thumbnail, width: info.width, height: info.height, ...output, notes };
    } catch {
      throw undecodable(`${kind} image`);
    }
  });
}

function outputFor(contentType: string): Pick<ProcessedInput, "contentType" | "extension"> {
  if (contentType === "image/jpeg") return { contentType: "image/jpeg", extension: "jpg" };
  if (contentType === "image/webp") return { contentType: "image/webp", extension: "webp" };
  // A GIF keeps one frame, which PNG holds losslessly; the blob store keeps no GIFs.
  return { contentType: "image/png", extension: "png" };
}
