/**
 * Rows of finished runs as the benches write them straight through drizzle: one builder per table,
 * so every bench seeds the same shape the app itself stores.
 */
import { newId } from "@/lib/db/ids";
import type { ProviderId } from "@/lib/models/providers";

export type SeedModel = { modelId: string; providerId: ProviderId; params: Record<string, unknown> };

export function seedRunRow(prompt: string, models: readonly SeedModel[], createdAt: Date) {
  return {
    id: newId(),
    prompt,
    prompts: [prompt],
    configs: models.map(({ modelId, params }) => ({ modelId, params, label: "", notes: [] })),
    createdAt,
  };
}

export function seedJobRow(options: {
  runId: string;
  position: number;
  prompt: string;
  model: SeedModel;
  failed: boolean;
  costUsd: number;
  createdAt: Date;
  finishedAt: Date;
}) {
  const { runId, position, prompt, model, failed, costUsd, createdAt, finishedAt } = options;
  return {
    id: newId(),
    runId,
    position,
    configIndex: position,
    prompt,
    ...model,
    status: failed ? ("failed" as const) : ("succeeded" as const),
    estimatedCostUsd: costUsd,
    costUsd: failed ? null : costUsd,
    submittedAt: createdAt,
    startedAt: createdAt,
    finishedAt,
    createdAt,
    updatedAt: finishedAt,
    nextAttemptAt: finishedAt,
  };
}

/** A stored 1024×1024 PNG whose blob keys point nowhere: no bench reads the bytes. */
export function seedImageRow(options: { jobId: string; runId: string; createdAt: Date; starred?: boolean }) {
  const sha256 = newId();
  return {
    id: newId(),
    ...options,
    index: 0,
    blobKey: `${sha256}.png`,
    thumbnailKey: `${sha256}.webp`,
    width: 1024,
    height: 1024,
    contentType: "image/png",
    byteSize: 150_000,
    sha256,
    starred: options.starred ?? false,
  };
}
