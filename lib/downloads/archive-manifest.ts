import type { RunView } from "@/lib/api/views";
import { imageFilename, uniqueFilenames } from "./filename";

/** Isomorphic: what a run or gallery ZIP holds, described in its manifest.json. */

export interface ArchiveSource {
  kind: "run" | "gallery";
  /** Run id or gallery slug. */
  id: string;
  title: string;
  note?: string | null;
}

export interface ManifestImage {
  file: string;
  runId: string;
  prompt: string;
  model: string;
  /** 1-based position among the images of its job. */
  index: number;
  params: Record<string, unknown>;
  /** What the provider charged, when known. */
  costUsd: number | null;
  estimatedCostUsd: number | null;
  timings: {
    createdAt: string;
    startedAt: string | null;
    finishedAt: string | null;
    durationMs: number | null;
  };
  width: number;
  height: number;
  contentType: string;
  byteSize: number;
}

export interface ArchiveManifest extends ArchiveSource {
  generator: "Prism";
  exportedAt: string;
  images: ManifestImage[];
}

export interface ArchivePlan {
  manifest: ArchiveManifest;
  /** One entry per image, in manifest order: which stored image goes under which name. */
  files: { name: string; imageId: string }[];
}

export const MANIFEST_NAME = "manifest.json";

export function planArchive(source: ArchiveSource, runs: RunView[], exportedAt = new Date()): ArchivePlan {
  const entries = runs.flatMap((run) =>
    run.jobs.flatMap((job) => job.images.map((image) => ({ run, job, image, position: image.index + 1 }))),
  );
  const names = uniqueFilenames(
    entries.map(({ run, job, image, position }) =>
      imageFilename(job.modelId, run.prompt, position, image.contentType),
    ),
  );
  const images = entries.map(({ run, job, image, position }, order): ManifestImage => {
    const finishedAt = job.finishedAt ?? null;
    return {
      file: names[order]!,
      runId: run.id,
      prompt: run.prompt,
      model: job.modelId,
      index: position,
      params: job.params,
      costUsd: job.costUsd ?? null,
      estimatedCostUsd: job.estimatedCostUsd,
      timings: {
        createdAt: job.createdAt,
        startedAt: job.startedAt ?? null,
        finishedAt,
        durationMs: finishedAt ? Date.parse(finishedAt) - Date.parse(job.createdAt) : null,
      },
      width: image.width,
      height: image.height,
      contentType: image.contentType,
      byteSize: image.byteSize,
    };
  });
  return {
    manifest: {
      generator: "Prism",
      kind: source.kind,
      id: source.id,
      title: source.title,
      ...(source.note ? { note: source.note } : {}),
      exportedAt: exportedAt.toISOString(),
      images,
    },
    files: entries.map(({ image }, order) => ({ name: names[order]!, imageId: image.id })),
  };
}
