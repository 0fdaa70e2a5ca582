import "server-only";
import type { Database } from "@/lib/db/client";
import { listRunInputs } from "@/lib/db/queries/inputs";
import type { InputRow } from "@/lib/db/input-schema";
import { publicUrl } from "@/lib/env";
import { inputUrlKey, SIGNED_INPUT_URL_MARGIN_MS, signedInputUrl } from "@/lib/inputs/signed-url";
import type { ModelDefinition } from "@/lib/models/types";
import { providerDescriptor } from "@/lib/providers/descriptors";
import type { InputTransport } from "@/lib/providers/types";
import type { BlobStore } from "@/lib/storage/blob-store";

export const NEEDS_PUBLIC_URL = "needs PUBLIC_URL so the provider can fetch your image";

/**
 * Why this edit model cannot run here, or undefined: a provider that fetches inputs by URL can only
 * reach them when Prism is served at PUBLIC_URL. Unavailable like a missing key, never a failed job
 * (/api/models says so, POST /api/runs refuses it).
 */
export function inputUnavailableReason(
  model: Pick<ModelDefinition, "inputImages" | "providerId">,
): string | undefined {
  if (model.inputImages.max === 0 || providerDescriptor(model.providerId).inputTransport !== "url")
    return undefined;
  return publicUrl() ? undefined : NEEDS_PUBLIC_URL;
}

/** Raised when a job's inputs cannot be given to its provider (PUBLIC_URL gone since the run began). */
export class NeedsPublicUrlError extends Error {
  readonly code = "needs_public_url";
}

async function bytesOf(blobStore: BlobStore, key: string): Promise<Buffer> {
  const blob = await blobStore.get(key);
  if (!blob) throw new Error(`input blob ${key} is missing`);
  return Buffer.from(await new Response(blob.stream).arrayBuffer());
}

async function dataUri(blobStore: BlobStore, input: InputRow): Promise<string> {
  return `data:${input.contentType};base64,${(await bytesOf(blobStore, input.blobKey)).toString("base64")}`;
}

/**
 * The run's first `max` inputs as this job's provider takes them: base64 data URIs for a
 * "data-uri" provider; for a "url" one, signed URLs under PUBLIC_URL that work until `usableUntil`
 * (the job's deadline) plus a margin. Empty for a model that takes no images.
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
  if (transport === "data-uri") return Promise.all(inputs.map((input) => dataUri(blobStore, input)));
  const base = publicUrl();
  if (!base) throw new NeedsPublicUrlError(NEEDS_PUBLIC_URL);
  const key = await inputUrlKey(db);
  const expiresAt = new Date(usableUntil.getTime() + SIGNED_INPUT_URL_MARGIN_MS);
  return inputs.map((input) => signedInputUrl(base, input.id, expiresAt, key));
}
