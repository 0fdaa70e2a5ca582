import type { RunView } from "@/lib/api/views";
import { planInputs, type ManifestInput } from "./archive-inputs";
import { archiveImageFilename, uniqueFilenames } from "./filename";

/** Isomorphic: what a run or gallery ZIP holds, described in its manifest.json. */

export interface ArchiveSource {
  kind: "run" | "gallery" | "picks";
  /** Run id, gallery slug, or "picks" for a selection of the picks board. */
  id: string;
  title: string;
  note?: string | null;
}

export interface ManifestImage {
  file: string;
  runId: string;
  /** The job it came from: its cost is given once, in `jobs`. */
  jobId: string;
  prompt: string;
  /** What the provider says it really used, when it rewrote the prompt (DashScope prompt_extend). */
  revisedPrompt: string | null;
  model: string;
  /** The cell of the run's matrix: row (prompt) and column (configuration), 0-based. */
  promptIndex: number;
  configIndex: number;
  /** The label of its column, e.g. "FLUX.1 · schnell", as the run's matrix reads it. */
  configuration: string;
  /** Which take of its cell the job was (1 for the first; retries and other takes count up). */
  take: number;
  /** The seed actually sent; null where the model takes none. */
  seed: number | null;
  /** 1-based position among the images of its job. */
  index: number;
  params: Record<string, unknown>;
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
  starred: boolean;
  note: string | null;
}

/** A job with at least one image in the archive. A provider charges per job, however many images it made. */
export interface ManifestJob {
  id: string;
  runId: string;
  model: string;
  images: number;
  /** What the provider charged, when known. */
  costUsd: number | null;
  estimatedCostUsd: number | null;
}

export interface ManifestTotal {
  images: number;
  /** Charged where known, else estimated; each job counted once. */
  costUsd: number;
  includesEstimates: boolean;
  /** Jobs with neither a charge nor an estimate, counted as $0. */
  unpricedJobs: number;
}

export interface ArchiveManifest extends ArchiveSource {
  generator: "Prism";
  exportedAt: string;
  /** Without cost fields in a share link's ZIP. */
  total: ManifestTotal | Pick<ManifestTotal, "images">;
  jobs: (ManifestJob | Omit<ManifestJob, "costUsd" | "estimatedCostUsd">)[];
  images: ManifestImage[];
  /** Absent when no run had inputs. */
  inputs?: ManifestInput[];
}

function totalOf(jobs: ManifestJob[], images: number): ManifestTotal {
  let micros = 0;
  let includesEstimates = false;
  let unpricedJobs = 0;
  for (const job of jobs) {
    const cost = job.costUsd ?? job.estimatedCostUsd;
    if (cost === null) unpricedJobs += 1;
    else micros += Math.round(cost * 1_000_000);
    if (job.costUsd === null && job.estimatedCostUsd !== null) includesEstimates = true;
  }
  // Summed in millionths of a dollar, so 0.02 + 0.005 is 0.025 and not 0.025000000000000001.
  return { images, costUsd: micros / 1_000_000, includesEstimates, unpricedJobs };
}

export interface ArchivePlan<Manifest = object> {
  manifest: Manifest;
  /** One entry per image, in manifest order: which stored image goes under which name. */
  files: { name: string; imageId: string }[];
}

export const MANIFEST_NAME = "manifest.json";

export function planArchive(
  source: ArchiveSource,
  runs: RunView[],
  exportedAt = new Date(),
): ArchivePlan<ArchiveManifest> {
  const entries = runs.flatMap((run) =>
    run.jobs.flatMap((job) =>
      job.images.map((image) => ({
        run,
        job,
        image,
        position: image.index + 1,
        // A column the run no longer describes keeps its model's id.
        configuration: run.configs[job.configIndex]?.label ?? job.modelId,
      })),
    ),
  );
  const names = uniqueFilenames(
    entries.map(({ job, image, position, configuration }) =>
      archiveImageFilename({
        promptIndex: job.promptIndex,
        configurationLabel: configuration,
        take: job.take,
        modelId: job.modelId,
        prompt: job.prompt,
        position,
        contentType: image.contentType,
      }),
    ),
  );
  const images = entries.map(({ run, job, image, position, configuration }, order): ManifestImage => {
    const finishedAt = job.finishedAt ?? null;
    return {
      file: names[order]!,
      runId: run.id,
      jobId: job.id,
      prompt: job.prompt,
      revisedPrompt: job.revisedPrompt,
      model: job.modelId,
      promptIndex: job.promptIndex,
      configIndex: job.configIndex,
      configuration,
      take: job.take,
      seed: job.seed,
      index: position,
      params: job.params,
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
      starred: image.starred,
      note: image.note,
    };
  });
  const jobs = runs.flatMap((run) =>
    run.jobs
      .filter((job) => job.images.length > 0)
      .map((job): ManifestJob => ({
        id: job.id,
        runId: run.id,
        model: job.modelId,
        images: job.images.length,
        costUsd: job.costUsd ?? null,
        estimatedCostUsd: job.estimatedCostUsd,
      })),
  );
  // A share link's ZIP is public: it never tells what the owner paid.
  const shared = source.kind === "gallery";
  const inputs = planInputs(runs);
  return {
    manifest: {
      ...manifestHeader(source, exportedAt),
      total: shared ? { images: images.length } : totalOf(jobs, images.length),
      jobs: shared ? jobs.map(({ id, runId, model, images }) => ({ id, runId, model, images })) : jobs,
      images,
      ...(inputs.length > 0 ? { inputs } : {}),
    },
    files: [
      ...entries.map(({ image }, order) => ({ name: names[order]!, imageId: image.id })),
      ...inputs.map((input) => ({ name: input.file, imageId: input.id })),
    ],
  };
}

/** What every manifest starts with. */
export function manifestHeader(source: ArchiveSource, exportedAt: Date) {
  return {
    generator: "Prism" as const,
    kind: source.kind,
    id: source.id,
    title: source.title,
    ...(source.note ? { note: source.note } : {}),
    exportedAt: exportedAt.toISOString(),
  };
}
