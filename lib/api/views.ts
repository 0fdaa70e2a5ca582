import type { JobStatus } from "@/lib/models/job-status";
import type { ReviewView } from "./review-views";

/** Isomorphic: the JSON shapes the API answers with, read by the browser. */

export interface ImageView {
  id: string;
  /** App URL of the stored bytes (never a provider URL). */
  url: string;
  /** App URL of a WebP thumbnail, for grids. */
  thumbnailUrl: string;
  width: number;
  height: number;
  contentType: string;
  byteSize: number;
  index: number;
  /** The owner's pick. */
  starred: boolean;
  /** The owner's note on this image (≤ 2,000 characters). */
  note: string | null;
}

export interface JobView {
  id: string;
  modelId: string;
  params: Record<string, unknown>;
  status: JobStatus;
  images: ImageView[];
  /** How many images the job should return (its model's count for its params), for placeholders. */
  expectedImages: number;
  /** Width ÷ height of the images it asked for, for placeholders. */
  aspectRatio: number;
  error?: { code: string; message: string };
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

export interface RunView {
  id: string;
  prompt: string;
  createdAt: string;
  jobs: JobView[];
}

export interface RunSummary {
  id: string;
  prompt: string;
  createdAt: string;
  modelIds: string[];
  statuses: JobStatus[];
  /** Up to four thumbnails for the history list. */
  thumbnails: { url: string; width: number; height: number }[];
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

/** GET /api/spend. */
export interface SpendView {
  /** Spent today (UTC), deleted runs included. */
  todayUsd: number;
  /** The part of todayUsd that is assumed prices of models without a published one. */
  assumedUsd: number;
  budgetUsd: number | null;
  /** Jobs today without any price (made before assumed prices existed); they count as $0. */
  unpricedJobs: number;
}
