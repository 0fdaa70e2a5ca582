import { createHash } from "node:crypto";
import sharp from "sharp";
import { MODELS } from "@/lib/models/catalog";
import type { ImageContentType } from "@/lib/storage/image-type";

export const IMAGE_FORMATS = ["png", "jpeg", "webp"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** Each format's type is image/<format>: one of the types Prism stores (lib/storage/image-type.ts). */
export const contentTypeOf = (format: ImageFormat): ImageContentType => `image/${format}`;

/** Everything that decides how a simulated image looks. */
export interface ImageSpec {
  /** The provider's model id; shapes the bands so models look different side by side. */
  model: string;
  /** Shown as a label under the model name. */
  label: string;
  prompt: string;
  /** 0-based position in the job's result. */
  index: number;
  width: number;
  height: number;
  format: ImageFormat;
  /**
   * An edit's input (base64 PNG, see input-images.ts): the output is that picture, tinted by the
   * prompt's colours and captioned, so a test can tell which input reached which model.
   */
  input?: string;
}

// Enough for a gallery page of repeats; each entry is at most a few hundred KB.
const CACHE_ENTRIES = 64;

/** One distinct band layout per catalog model, so models stay apart side by side; others hash. */
const BAND_LAYOUTS = [
  { count: 4, angle: -45 },
  { count: 7, angle: 45 },
  { count: 3, angle: 0 },
  { count: 6, angle: 90 },
  { count: 5, angle: -15 },
  { count: 8, angle: 20 },
] as const;

function bandLayout(model: string, modelHash: Buffer): { count: number; angle: number } {
  const position = MODELS.findIndex((definition) => definition.providerModel === model);
  return (
    BAND_LAYOUTS[position] ?? {
      count: 3 + (byteAt(modelHash, 0) % 6),
      angle: (byteAt(modelHash, 1) % 120) - 60,
    }
  );
}

function hashBytes(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

function byteAt(bytes: Buffer, index: number): number {
  return bytes[index % bytes.length] ?? 0;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function ellipsize(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function element(name: string, attributes: Record<string, string | number>, content = ""): string {
  const rendered = Object.entries(attributes)
    .map(([key, value]) => `${key}="${typeof value === "number" ? Number(value.toFixed(1)) : value}"`)
    .join(" ");
  return `<${name} ${rendered}>${content}</${name}>`;
}

/**
 * An SVG whose colours come from the prompt (same prompt → same palette across models), whose
 * bands come from the model id, and whose circles come from the image index, with a caption.
 */
function buildSvg(spec: ImageSpec, overInput = false): string {
  const { width, height } = spec;
  const promptHash = hashBytes(spec.prompt);
  const modelHash = hashBytes(spec.model);
  const indexHash = hashBytes(`${spec.prompt}#${spec.index}`);
  const hue = (byteAt(promptHash, 0) * 256 + byteAt(promptHash, 1)) % 360;
  const hue2 = (hue + 60 + (byteAt(promptHash, 2) % 120) + spec.index * 29) % 360;
  const { count: bandCount, angle: bandAngle } = bandLayout(spec.model, modelHash);
  const short = Math.min(width, height);
  const diagonal = Math.hypot(width, height);
  const bandWidth = diagonal / (bandCount * 2);

  const bands = Array.from({ length: bandCount }, (_, band) =>
    element("rect", {
      x: (width - diagonal) / 2 + band * 2 * bandWidth,
      y: (height - diagonal) / 2,
      width: bandWidth,
      height: diagonal,
      fill: band % 2 === 0 ? "#ffffff" : "#000000",
      "fill-opacity": 0.14,
    }),
  ).join("");

  const circles = Array.from({ length: spec.index + 1 }, (_, circle) =>
    element("circle", {
      cx: (byteAt(indexHash, circle * 3) / 255) * width,
      cy: (byteAt(indexHash, circle * 3 + 1) / 255) * height,
      r: short * (0.08 + (byteAt(indexHash, circle * 3 + 2) / 255) * 0.18),
      fill: `hsl(${(hue2 + 180) % 360},80%,60%)`,
      "fill-opacity": 0.55,
    }),
  ).join("");

  const textSize = Math.round(short / 32);
  const margin = Math.round(short / 20);
  // The label names the model and provider, the one thing a person must read: shrink it to fit
  // rather than cut it. DejaVu Sans averages about 0.6 em per character (bold a little more).
  const titleSize = Math.round(Math.min(short / 14, (width - 2 * margin) / (spec.label.length * 0.66)));
  const captionHeight = margin * 2 + titleSize + textSize * 3;
  const promptChars = Math.floor(width / (textSize * 0.6));
  const line = (offset: number, size: number, content: string, extra: Record<string, string | number> = {}) =>
    element("text", { x: margin, y: height - margin - offset, "font-size": size, ...extra }, content);
  const lines = [
    line(textSize * 2.6, titleSize, escapeXml(spec.label), { "font-weight": "bold" }),
    line(textSize * 1.2, textSize, `#${spec.index + 1} · ${width}×${height} · ${spec.format}`),
    line(0, textSize, escapeXml(ellipsize(spec.prompt, promptChars)), { "fill-opacity": 0.85 }),
  ];
  const caption =
    element("rect", {
      y: height - captionHeight,
      width: "100%",
      height: captionHeight,
      fill: "#000",
      "fill-opacity": 0.45,
    }) + element("g", { "font-family": "DejaVu Sans, sans-serif", fill: "#fff" }, lines.join(""));

  const gradient = element(
    "linearGradient",
    { id: "g", x1: 0, y1: 0, x2: 1, y2: 1 },
    element("stop", { offset: 0, "stop-color": `hsl(${hue},70%,55%)` }) +
      element("stop", { offset: 1, "stop-color": `hsl(${hue2},65%,35%)` }),
  );
  return element(
    "svg",
    { xmlns: "http://www.w3.org/2000/svg", width, height },
    `<defs>${gradient}</defs>` +
      element("rect", {
        width: "100%",
        height: "100%",
        fill: "url(#g)",
        "fill-opacity": overInput ? 0.3 : 1,
      }) +
      element("g", { transform: `rotate(${bandAngle} ${width / 2} ${height / 2})` }, bands) +
      circles +
      caption,
  );
}

/** Renders simulated images with a small LRU cache, so repeated downloads cost nothing. */
export class ImageRenderer {
  private readonly cache = new Map<string, Promise<Buffer>>();

  render(spec: ImageSpec): Promise<Buffer> {
    const key = JSON.stringify(spec);
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const rendering = encode(spec);
    rendering.catch(() => this.cache.delete(key));
    this.cache.set(key, rendering);
    const oldest = this.cache.keys().next().value;
    if (this.cache.size > CACHE_ENTRIES && oldest !== undefined) this.cache.delete(oldest);
    return rendering;
  }
}

function encode(spec: ImageSpec): Promise<Buffer> {
  const image = spec.input
    ? sharp(Buffer.from(spec.input, "base64"))
        .resize(spec.width, spec.height, { fit: "cover" })
        .composite([{ input: Buffer.from(buildSvg(spec, true)) }])
    : sharp(Buffer.from(buildSvg(spec)));
  // Low-effort encoders: the bytes only need to be valid, not small.
  if (spec.format === "jpeg") return image.jpeg({ quality: 80 }).toBuffer();
  if (spec.format === "webp") return image.webp({ quality: 75, effort: 0 }).toBuffer();
  return image.png({ compressionLevel: 2 }).toBuffer();
}
