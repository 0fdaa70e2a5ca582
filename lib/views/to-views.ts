import "server-only";
import { encodeRunCursor } from "@/lib/api/run-cursor";
import { failureSummary } from "./failure-summary";
import type {
  GallerySummary,
  GalleryView,
  ImageView,
  InputView,
  JobView,
  RunListView,
  RunSummary,
  RunView,
} from "@/lib/api/views";
import type { ReviewView } from "@/lib/api/review-views";
import type { GalleryListRow, GalleryRows } from "@/lib/db/queries/galleries";
import type { EditedFromRow, RunListRows, RunRows } from "@/lib/db/queries/runs";
import type { GalleryRow, ImageRow, JobRow, RunRow } from "@/lib/db/schema";
import type { InputRow } from "@/lib/db/input-schema";
import { findModel } from "@/lib/models/catalog";
import { countingTakes } from "@/lib/models/takes";
import { storedConfigurationLabel } from "@/lib/labels/names";
import { editChanges } from "@/lib/labels/edit-changes";
import { paramFields } from "@/lib/models/param-fields";

/** The one place database rows become the API's views (lib/api/views.ts). */

const THUMBNAILS_PER_SUMMARY = 4;

/** Stored bytes are served by the app itself (app/api/files), never from a provider URL. */
export function fileUrl(blobKey: string): string {
  return `/api/files/${blobKey}`;
}

export function toImageView(image: ImageRow): ImageView {
  return {
    id: image.id,
    url: fileUrl(image.blobKey),
    thumbnailUrl: fileUrl(image.thumbnailKey),
    width: image.width,
    height: image.height,
    contentType: image.contentType,
    byteSize: image.byteSize,
    index: image.index,
    starred: image.starred,
    note: image.note,
  };
}

/** What the job's model expects of its params; a model no longer in the catalog gets one square image. */
export function expectedOutput(job: JobRow): Pick<JobView, "expectedImages" | "aspectRatio"> {
  const model = findModel(job.modelId);
  // Stored params were parsed by this model's schema when the run was created.
  return model
    ? { expectedImages: model.imageCount(job.params), aspectRatio: model.aspectRatio(job.params) }
    : { expectedImages: 1, aspectRatio: 1 };
}

function errorOf(job: JobRow): Pick<JobView, "error"> {
  if (!job.errorCode) return {};
  const summary = failureSummary(job.providerId, job.errorCode, job.errorMessage ?? "");
  return {
    error: {
      code: job.errorCode,
      message: job.errorMessage ?? job.errorCode,
      ...(summary ? { summary } : {}),
    },
  };
}

export function toJobView(job: JobRow, jobImages: ImageRow[]): JobView {
  return {
    id: job.id,
    modelId: job.modelId,
    promptIndex: job.promptIndex,
    configIndex: job.configIndex,
    prompt: job.prompt,
    take: job.take,
    seed: job.seed,
    revisedPrompt: job.revisedPrompt,
    retryNote: job.retryNote,
    params: job.params,
    status: job.status,
    images: jobImages.map(toImageView),
    ...expectedOutput(job),
    ...errorOf(job),
    estimatedCostUsd: job.estimatedCostUsd,
    ...(job.costAssumed ? { costAssumed: true as const } : {}),
    ...(job.costUsd !== null ? { costUsd: job.costUsd } : {}),
    notes: job.notes,
    createdAt: job.createdAt.toISOString(),
    ...(job.startedAt ? { startedAt: job.startedAt.toISOString() } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt.toISOString() } : {}),
    ...(job.chosenAt ? { chosenAt: job.chosenAt.toISOString() } : {}),
  };
}

export function toInputView(input: InputRow): InputView {
  return {
    id: input.id,
    url: fileUrl(input.blobKey),
    thumbnailUrl: fileUrl(input.thumbnailKey),
    width: input.width,
    height: input.height,
    contentType: input.contentType,
    byteSize: input.byteSize,
    notes: input.notes,
  };
}

const fieldsOf = (modelId: string) => {
  const model = findModel(modelId);
  return model ? paramFields(model) : [];
};

const compared = (run: Pick<RunRow, "prompts" | "promptText" | "configs" | "seed">) => ({
  ...run,
  configs: run.configs.map((config) => ({ ...config, label: storedConfigurationLabel(config) })),
});

/** What changed since the run it was edited from, while that run exists. */
function editedFromView(run: RunRow, source: EditedFromRow | undefined): Pick<RunView, "editedFrom"> {
  if (!source || source.id !== run.editedFromRunId) return {};
  return { editedFrom: { runId: source.id, ...editChanges(compared(source), compared(run), fieldsOf) } };
}

/** Jobs in the order given, each with its images from `images` in index order. */
export function toRunView({ run, jobs, images, inputs = [], editedFrom }: RunRows): RunView {
  return {
    id: run.id,
    prompt: run.prompt,
    prompts: run.prompts,
    ...(run.promptText !== null ? { promptText: run.promptText } : {}),
    ...editedFromView(run, editedFrom),
    configs: run.configs.map((config, index) => ({
      index,
      ...config,
      label: storedConfigurationLabel(config),
    })),
    seed: run.seed,
    inputs: inputs.map(toInputView),
    createdAt: run.createdAt.toISOString(),
    jobs: jobs.map((job) =>
      toJobView(
        job,
        images.filter((image) => image.jobId === job.id).sort((a, b) => a.index - b.index),
      ),
    ),
  };
}

export function toRunListView(rows: RunListRows): RunListView {
  const runs: RunSummary[] = rows.runs.map((run) => {
    const runJobs = rows.jobs.filter((job) => job.runId === run.id);
    const runImages = rows.images.filter((image) => image.runId === run.id);
    return {
      id: run.id,
      prompt: run.prompt,
      promptCount: run.prompts.length,
      configCount: run.configs.length,
      ...editedFromView(
        run,
        rows.editedFrom.find((source) => source.id === run.editedFromRunId),
      ),
      createdAt: run.createdAt.toISOString(),
      modelIds: run.configs.map((config) => config.modelId),
      statuses: countingTakes(runJobs).map((job) => job.status),
      thumbnails: runImages
        .slice(0, THUMBNAILS_PER_SUMMARY)
        .map((image) => ({ url: fileUrl(image.thumbnailKey), width: image.width, height: image.height })),
      starredImageIds: runImages.filter((image) => image.starred).map((image) => image.id),
    };
  });
  const last = rows.runs.at(-1);
  return rows.hasMore && last
    ? { runs, nextCursor: encodeRunCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) }
    : { runs };
}

/** What every view of a gallery starts with. */
function galleryHeader(gallery: GalleryRow) {
  return {
    slug: gallery.slug,
    title: gallery.title,
    note: gallery.note,
    createdAt: gallery.createdAt.toISOString(),
    expiresAt: gallery.expiresAt?.toISOString() ?? null,
  };
}

/** What the public may see of a job: never what the owner paid. */
function withoutCost(job: JobView): JobView {
  const view: JobView = { ...job, estimatedCostUsd: null };
  delete view.costUsd;
  return view;
}

/**
 * Only the shared images: runs in the order of their first image, jobs in submission order, each
 * job keeping only its shared images, without costs. `images` are already as the public may see
 * them (review-view.ts publicImage); `runs` stays empty while a blind review hides them. Each run
 * keeps its inputs (they name no model).
 */
export function toGalleryView(
  { gallery, images, runs, jobs, inputs = [] }: GalleryRows,
  review: ReviewView | null,
  { showRuns }: { showRuns: boolean },
): GalleryView {
  const runIds = showRuns ? [...new Set(images.map((image) => image.runId))] : [];
  return {
    ...galleryHeader(gallery),
    runs: runIds.flatMap((runId) => {
      const run = runs.find((row) => row.id === runId);
      if (!run) return [];
      // Without editedFrom: the owner's other runs are none of the public's business.
      const view = toRunView({
        run,
        jobs: jobs.filter((job) => job.runId === runId),
        images,
        inputs: inputs.filter((entry) => entry.runId === runId).map((entry) => entry.input),
      });
      return [{ ...view, jobs: view.jobs.map(withoutCost) }];
    }),
    review,
  };
}

export function toGallerySummary({
  gallery,
  imageCount,
  reviewerCount,
  thumbnailKey,
}: GalleryListRow): GallerySummary {
  return {
    ...galleryHeader(gallery),
    review: gallery.reviewMode
      ? {
          blind: gallery.reviewMode === "blind",
          revealed: gallery.revealedAt !== null,
          ballots: reviewerCount,
        }
      : null,
    hideNotes: gallery.hideNotes,
    imageCount,
    thumbnailUrl: thumbnailKey ? fileUrl(thumbnailKey) : null,
  };
}
