import "server-only";
import type { Database } from "@/lib/db/client";
import { listRunInputs } from "@/lib/db/queries/inputs";
import type { ModelDefinition } from "@/lib/models/types";
import type { InputTransport } from "@/lib/providers/types";
import type { BlobStore } from "@/lib/storage/blob-store";

async function bytesOf(blobStore: BlobStore, key: string): Promise<Buffer> {
  const blob = await blobStore.get(key);
  if (!blob) throw new Error(`input blob ${key} is missing`);
  return Buffer.from(await new Response(blob.stream).arrayBuffer());
}

/**
 * The run's first `max` inputs as this job's provider takes them: base64 data URIs for a
 * "data-uri" provider. Empty for a model that takes no images. URL transport (a signed URL under
 * PUBLIC_URL) is not produced here yet: such a job gets no images.
 */
export async function inputReferences(
  db: Database,
  blobStore: BlobStore,
  runId: string,
  model: Pick<ModelDefinition, "inputImages">,
  transport: InputTransport,
): Promise<string[]> {
  if (model.inputImages.max === 0 || transport !== "data-uri") return [];
  const inputs = (await listRunInputs(db, runId)).slice(0, model.inputImages.max);
  return Promise.all(
    inputs.map(
      async (input) =>
        `data:${input.contentType};base64,${(await bytesOf(blobStore, input.blobKey)).toString("base64")}`,
    ),
  );
}
