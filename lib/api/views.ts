import type { JobStatus } from "@/lib/models/job-status";
import type { ImageView } from "./image-view";
import type { ReviewView } from "./review-views";

export type { ImageView } from "./image-view";
export type * from "./board-views";

/** Isomorphic: the JSON shapes the API answers with, read by the browser. */

export interface JobView {
  id: string;
  modelId: string;
  /** Row of the matrix: index into the run's `prompts`. */
  promptIndex: number;
  /** Column of the matrix: index into the run's `configs`. */
  configIndex: number;
  /** The prompt of its row, for convenience. */
  prompt: string;
  /** 1 for the first take of a cell; each retry or "another take" adds one. */
  take: number;
  /** The seed actually sent; null where the model takes none. */
  seed: number | null;
  /** The prompt the provider says it really used (DashScope prompt_extend), when it rewrote it. */
  revisedPrompt: string | null;
  /** While a step is being retried: what is going on, e.g. "pixazo is not answering — retrying (3 of 10)". */
  retryNote: string | null;
  params: Record<string, unknown>;
  status: JobStatus;
  images: ImageView[];
  /** How many images the job should return (its model's count for its params), for placeholders. */
  expectedImages: number;
  /** Width ÷ height of the images it asked for, for placeholders. */
  aspectRatio: number;
  /**
   * `message` is what went wrong as the provider or Prism put it; `summary`, where there is one,
   * says it in plain words with a next step ("pixazo kept failing — try again later, or Retry").
   */
  error?: { code: string; message: string; summary?: string };
  /** Estimate made before submit; null when no price is known (jobs older than assumed prices). */
  estimatedCostUsd: number | null;
  /** The estimate is an assumed price: the provider publishes none (PRISM_ASSUMED_PRICES). */
  costAssumed?: true;
  /** What the provider reported it charged, when it did. */
  costUsd?: number;
  /** Shared settings this model could not honour exactly. */
  notes: string[];
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
}

/** A column of the matrix: a model with its parameters. The same model may appear in several. */
export interface RunConfigView {
  index: number;
  modelId: string;
  /** As sent by the user, before a random seed was filled in. */
  params: Record<string, unknown>;
  /** What tells this column apart, e.g. "FLUX.1 · dev" or "Z-Image Base · 28 steps". */
  label: string;
  notes: string[];
}

/**
 * One input image as the API shows it (an upload or a stored result turned into an input): the
 * names of the image view. `url` is Prism's own owner URL of the stored bytes, never a signed one.
 */
export type InputView = Pick<
  ImageView,
  "id" | "url" | "thumbnailUrl" | "width" | "height" | "contentType" | "byteSize"
> & {
  /** What the upload pipeline changed, e.g. "Kept the first frame of an animated GIF". */
  notes: string[];
};

/** POST /api/inputs → 201. */
export interface CreateInputResponse {
  input: InputView;
}

export interface RunView {
  id: string;
  /** The first prompt (a run of one prompt is a one-row matrix). */
  prompt: string;
  /** The rows of the matrix. */
  prompts: string[];
  /** The columns of the matrix. */
  configs: RunConfigView[];
  /** The shared seed locked for every model that takes one, or null for random seeds. */
  seed: number | null;
  /** The run's input images, in order (empty for a text-only run); every cell shares them. */
  inputs: InputView[];
  createdAt: string;
  /** Every take of every cell, in row, column, take order. */
  jobs: JobView[];
}

export interface RunSummary {
  id: string;
  prompt: string;
  /** "3 prompts × 4 configurations". */
  promptCount: number;
  configCount: number;
  createdAt: string;
  modelIds: string[];
  /** The status of each cell's newest take (a cell retried after a failure counts as its retry). */
  statuses: JobStatus[];
  /** Up to four thumbnails for the history list. */
  thumbnails: { url: string; width: number; height: number }[];
  /** The run's starred images, for "Share starred" from history. */
  starredImageIds: string[];
}

export interface RunListView {
  runs: RunSummary[];
  /** Opaque cursor for the next page, absent on the last page. */
  nextCursor?: string;
}

export interface CreateRunResponse {
  id: string;
  jobs: { id: string; modelId: string; status: JobStatus }[];
}

export interface ModelView {
  id: string;
  providerId: string;
  providerName: string;
  name: string;
  description: string;
  available: boolean;
  /** True when this provider points at the built-in simulator. */
  simulated: boolean;
  pricing: string;
  /** USD per image the budget assumes when the model's estimate is null (no published price). */
  assumedImagePriceUsd: number;
  promptMaxLength: number;
  /** How many of a run's input images the model takes; `min ≥ 1` is an edit model. */
  inputImages: { min: number; max: number };
  /**
   * Why `available` is false when it is not a missing key, e.g. "needs PUBLIC_URL so the provider
   * can fetch your image" for an edit model whose provider fetches inputs by URL.
   */
  unavailableReason?: string;
  paramsSchema: unknown;
  defaults: Record<string, unknown>;
}

export interface ModelsResponse {
  models: ModelView[];
  simulator: boolean;
}

/**
 * A shared gallery as the public sees it: the selected images, grouped by the run and the job
 * (model) they came from. Never carries what the owner paid: costs are null or absent.
 */
export interface GalleryView {
  slug: string;
  title: string;
  note: string | null;
  createdAt: string;
  expiresAt: string | null;
  /**
   * Runs in the order their first image was selected; each holds only jobs with selected images.
   * Empty in a blind review that is not revealed yet: then only `review.prompts` shows the images.
   */
  runs: RunView[];
  /** Present when the owner asked visitors to pick a favourite per prompt. */
  review: ReviewView | null;
}

export interface CreateGalleryResponse {
  slug: string;
  /** The public share page, absolute when PUBLIC_URL is set, else relative to this origin. */
  url: string;
}

export interface GallerySummary {
  slug: string;
  title: string;
  note: string | null;
  createdAt: string;
  expiresAt: string | null;
  review: { blind: boolean; revealed: boolean; ballots: number } | null;
  hideNotes: boolean;
  imageCount: number;
  thumbnailUrl: string | null;
}

export interface GalleryListView {
  galleries: GallerySummary[];
}

/** A run as its page comes with it (server-rendered): the view and the ETag to ask for news of it. */
export interface RunCopy {
  run: RunView;
  etag: string;
}

/** GET /api/spend. */
export interface SpendView {
  /** Spent today (UTC), deleted runs included. */
  todayUsd: number;
  /** The part of todayUsd that is assumed prices of models without a published one. */
  assumedUsd: number;
  budgetUsd: number | null;
  /** Jobs today without any price (made before assumed prices existed); they count as $0. */
  unpricedJobs: number;
  /** The built-in simulator answers every request: nothing real was charged. */
  simulated: boolean;
}

/** POST /api/jobs/:id/rerun — the new take, in the same cell. */
export interface RerunJobResponse {
  job: JobView;
}

/** POST /api/jobs/:id/cancel. */
export interface CancelJobResponse {
  job: JobView;
}

/** GET /api/jobs/:id/code and GET /api/runs/:id/code: the same request in three languages. */
export interface CodeSnippetsView {
  curl: string;
  javascript: string;
  python: string;
}
