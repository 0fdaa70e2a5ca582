import "server-only";
import sharp from "sharp";
import type { Database } from "@/lib/db/client";
import { listRunInputs } from "@/lib/db/queries/inputs";
import type { InputRow } from "@/lib/db/input-schema";
import { objectStorageSettings, publicUrl } from "@/lib/env";
import { inputUrlKey, SIGNED_INPUT_URL_MARGIN_MS, signedInputUrl } from "@/lib/inputs/signed-url";
import { downscaledSize } from "@/lib/models/input-notes";
import type { ModelDefinition } from "@/lib/models/types";
import { providerDescriptor } from "@/lib/providers/descriptors";
import type { InputTransport } from "@/lib/providers/types";
import type { BlobStore } from "@/lib/storage/blob-store";

/** S3_PRESIGNED_INPUTS with S3_BUCKET: inputs go to URL-fetching providers as presigned URLs of the bucket's objects. */
const presignedInputUrls = () => objectStorageSettings()?.presignedInputs === true;

export const NEEDS_PUBLIC_URL =
  "needs PUBLIC_URL, or S3_PRESIGNED_INPUTS with a bucket it can reach, so the provider can fetch your image";

/**
 * Why this edit model cannot run here, or undefined: a provider that fetches inputs by URL can only
 * reach them when Prism is served at PUBLIC_URL, or when they are presigned URLs of a bucket the
 * internet reaches (S3_PRESIGNED_INPUTS). Unavailable like a missing key, never a failed job
 * (/api/models says so, POST /api/runs refuses it).
 */
export function inputUnavailableReason(
  model: Pick<ModelDefinition, "inputImages" | "providerId">,
): string | undefined {
  if (model.inputImages.max === 0 || providerDescriptor(model.providerId).inputTransport !== "url")
    return undefined;
  return publicUrl() || presignedInputUrls() ? undefined : NEEDS_PUBLIC_URL;
}

/** Raised when a job's inputs cannot be given to its provider (PUBLIC_URL and presigning gone since the run began). */
export class NeedsPublicUrlError extends Error {
  readonly code = "needs_public_url";
}

async function bytesOf(blobStore: BlobStore, key: string): Promise<Buffer> {
  const blob = await blobStore.get(key);
  if (!blob) throw new Error(`input blob ${key} is missing`);
  return Buffer.from(await new Response(blob.stream).arrayBuffer());
}

/** DashScope takes an input of at most 10 MB (providers-edit.md §3), read here as the data URI's length. */
export const MAX_DATA_URI_BYTES = 10 * 1024 * 1024;

const uriOf = (contentType: string, bytes: Buffer) =>
  `data:${contentType};base64,${bytes.toString("base64")}`;

/**
 * The input as a data URI the provider takes: downscaled to the model's documented longest side
 * (the run's notes said so), and smaller still, as a JPEG, while the URI is over MAX_DATA_URI_BYTES.
 */
async function dataUri(
  blobStore: BlobStore,
  input: InputRow,
  range: ModelDefinition["inputImages"],
): Promise<string> {
  const original = await bytesOf(blobStore, input.blobKey);
  const sent = downscaledSize(range, input);
  let uri = sent
    ? uriOf(
        input.contentType,
        await sharp(original).resize(sent.width, sent.height).toFormat(formatOf(input)).toBuffer(),
      )
    : uriOf(input.contentType, original);
  let { width, height } = sent ?? input;
  while (uri.length > MAX_DATA_URI_BYTES) {
    const scale = Math.min(0.9, Math.sqrt(MAX_DATA_URI_BYTES / uri.length));
    [width, height] = [Math.max(1, Math.floor(width * scale)), Math.max(1, Math.floor(height * scale))];
    uri = uriOf("image/jpeg", await sharp(original).resize(width, height).jpeg({ quality: 90 }).toBuffer());
  }
  return uri;
}

const formatOf = (input: InputRow) =>
  input.contentType === "image/jpeg" ? "jpeg" : input.contentType === "image/webp" ? "webp" : "png";

/**
 * The run's first `max` inputs as this job's provider takes them: base64 data URIs for a
 * "data-uri" provider (downscaled where the model documents a longest side, and within 10 MB); for a
 * "url" one, URLs that work until `usableUntil` (the job's deadline) plus a margin: presigned URLs of
 * the bucket's objects with S3_PRESIGNED_INPUTS, else signed URLs under PUBLIC_URL. Empty for a model
 * that takes no images.
 */
export async function inputReferences(
  db: Database,
  blobStore: BlobStore,
  runId: string,
  model: Pick<ModelDefinition, "inputImages">,
  transport: InputTransport,
  usableUntil: Date = new Date(),
): Promise<string[]> {
  if (model.inputImages.max === 0) return [];
  const inputs = (await listRunInputs(db, runId)).slice(0, model.inputImages.max);
  if (inputs.length === 0) return [];
  if (transport === "data-uri")
    return Promise.all(inputs.map((input) => dataUri(blobStore, input, model.inputImages)));
  const expiresAt = new Date(usableUntil.getTime() + SIGNED_INPUT_URL_MARGIN_MS);
  if (presignedInputUrls()) {
    const presign = blobStore.presignedUrl;
    if (!presign) throw new Error("S3_PRESIGNED_INPUTS is set, but the blob store cannot presign URLs");
    return Promise.all(inputs.map((input) => presign(input.blobKey, { expiresAt })));
  }
  const base = publicUrl();
  if (!base) throw new NeedsPublicUrlError(NEEDS_PUBLIC_URL);
  const key = await inputUrlKey(db);
  return inputs.map((input) => signedInputUrl(base, input.id, expiresAt, key));
}
