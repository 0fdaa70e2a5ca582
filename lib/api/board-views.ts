import type { ImageView } from "./image-view";

/** Isomorphic: what the picks board and the scorecard answer (GET /api/picks, GET /api/scorecard). */

/** One starred image on the picks board (GET /api/picks). */
export interface PickView {
  image: ImageView;
  runId: string;
  prompt: string;
  modelId: string;
  /** The label of the image's configuration (column), e.g. "FLUX.1 · schnell". */
  configuration: string;
  /** Which take of its cell the image came from. */
  take: number;
  note: string | null;
  /** Its place on the board (1 first); null until the board has been ordered, then it follows the ordered ones. */
  position: number | null;
  createdAt: string;
}

export interface PickListView {
  picks: PickView[];
  nextCursor?: string;
}

/** A win rate over pairwise outcomes from review ballots, with its 95 % Wilson score interval. */
export interface WinRateView {
  /** Wins ÷ comparisons; null without any comparison. */
  value: number | null;
  low: number | null;
  high: number | null;
  /** Pairwise outcomes counted: each ballot against each rival shown for the same prompt. */
  comparisons: number;
}

/** What a model, or one configuration of it, did across the runs in scope. */
export interface ScorecardFigures {
  runs: number;
  images: number;
  /** Seconds from a job's creation to its first stored image, over jobs that stored one. */
  medianSeconds: number | null;
  p95Seconds: number | null;
  /** Failed ÷ finished (succeeded + failed) jobs; canceled ones are not counted. Null when none finished. */
  failureRate: number | null;
  /** Charged where known, else the estimate, per image of succeeded jobs; null where no price is known. */
  costPerImageUsd: number | null;
  /** Part of the cost is an assumed price (the provider publishes none). */
  costAssumed: boolean;
  starsPerImage: number | null;
  winRate: WinRateView;
}

export interface ScorecardConfigurationView extends ScorecardFigures {
  label: string;
}

export interface ScorecardModelView extends ScorecardFigures {
  modelId: string;
  configurations: ScorecardConfigurationView[];
  /** Succeeded jobs per time-to-first-image bucket; bucket i ends at `secondsBuckets[i]` (the last is open). */
  secondsHistogram: number[];
}

export interface ScorecardView {
  models: ScorecardModelView[];
  /** Upper edges of the histogram's buckets, in seconds. */
  secondsBuckets: number[];
  /** How the interval is computed. */
  interval: "wilson-95";
}
