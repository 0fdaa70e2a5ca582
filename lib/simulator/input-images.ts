import sharp from "sharp";

/**
 * Input images of edit models, read as the real providers read them (docs/providers-edit.md §5):
 * every URL is fetched, every data URI decoded, and anything that is not an image is refused. What
 * is kept is a small PNG of it, enough to derive the output from (ImageSpec.input).
 */

export type InputImage =
  | {
      ok: true;
      width: number;
      height: number;
      /** base64 PNG, at most THUMBNAIL_SIDE a side */ thumbnail: string;
    }
  | { ok: false; reason: string };

const THUMBNAIL_SIDE = 256;
const FETCH_TIMEOUT_MS = 10_000;
const MAX_BYTES = 10 * 1024 * 1024;
const DATA_URI = /^data:image\/[a-z0-9.+-]+;base64,([A-Za-z0-9+/=\s]+)$/i;

/** How input URLs are read: fetched, or (the simulator's `inputUrls: "refuse"` knob) never reached. */
export interface InputReading {
  signal: AbortSignal;
  refuseUrls?: boolean;
}

/** How the simulator's providers read inputs now, from its settings. */
export function inputReading(context: {
  signal: AbortSignal;
  settings: { inputUrls: "fetch" | "refuse" };
}): InputReading {
  return { signal: context.signal, refuseUrls: context.settings.inputUrls === "refuse" };
}

async function bytesOf(reference: string, { signal, refuseUrls }: InputReading): Promise<Buffer | string> {
  const data = DATA_URI.exec(reference);
  if (data?.[1]) return Buffer.from(data[1], "base64");
  if (reference.startsWith("data:")) return "is not a base64 image data URI";
  if (!/^https?:\/\//i.test(reference)) return "is neither an http(s) URL nor a data URI";
  if (refuseUrls) return "could not be downloaded (connection refused)";
  try {
    const response = await fetch(reference, {
      signal: AbortSignal.any([signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]),
    });
    if (!response.ok) return `could not be downloaded (HTTP ${response.status})`;
    return Buffer.from(await response.arrayBuffer());
  } catch {
    return "could not be downloaded";
  }
}

export async function readInputImage(reference: string, reading: InputReading): Promise<InputImage> {
  const bytes = await bytesOf(reference, reading);
  if (typeof bytes === "string") return { ok: false, reason: bytes };
  if (bytes.length === 0 || bytes.length > MAX_BYTES) return { ok: false, reason: "must be 1 byte to 10 MB" };
  try {
    // First frame only, as the providers read a GIF.
    const image = sharp(bytes, { animated: false });
    const { width, height } = await image.metadata();
    if (!width || !height) return { ok: false, reason: "is not an image" };
    const thumbnail = await image
      .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: "inside", withoutEnlargement: true })
      .png()
      .toBuffer();
    return { ok: true, width, height, thumbnail: thumbnail.toString("base64") };
  } catch {
    return { ok: false, reason: "is not an image" };
  }
}

/** About a million pixels at the input's aspect ratio, each side a multiple of 16. */
export function sizeLike(input: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.sqrt((1024 * 1024) / (input.width * input.height));
  const side = (length: number) => Math.max(16, Math.round((length * scale) / 16) * 16);
  return { width: side(input.width), height: side(input.height) };
}

/**
 * An asynchronous provider's view of a job's inputs: the last one (the outputs follow it), or why
 * the job fails, as a provider that accepted the job and then could not read an image reports it.
 */
export async function readJobInputs(
  references: readonly string[],
  reading: InputReading,
): Promise<{ input?: { thumbnail: string; width: number; height: number }; failure?: string }> {
  const inputs = await Promise.all(references.map((reference) => readInputImage(reference, reading)));
  const failed = inputs.findIndex((input) => !input.ok);
  const failure = inputs[failed];
  if (failure && !failure.ok)
    return { failure: `could not fetch input image ${failed + 1}: it ${failure.reason}` };
  const last = inputs.at(-1);
  return last?.ok ? { input: { thumbnail: last.thumbnail, width: last.width, height: last.height } } : {};
}
