import type { ImageView } from "./image-view";

/** Isomorphic: the client-review shapes of share pages and of the owner's results. */

/** One image a reviewer can pick. In a blind review nothing here names the model. */
export interface ReviewOption {
  /** "A", "B", … in this reviewer's order (blind or not; the model shows through `modelId`). */
  label: string;
  image: ImageView;
  /** Absent while a blind review is not revealed. */
  modelId?: string;
  /** The configuration's label as a matrix column reads ("FLUX.1 · dev"); absent with `modelId`. */
  configuration?: string;
}

export interface ReviewPrompt {
  /** Stable id of the prompt within the gallery (what a pick is filed under). */
  key: string;
  prompt: string;
  /** Shuffled per reviewer in a blind review, stable for that reviewer. */
  options: ReviewOption[];
  /** The image this reviewer picked for this prompt, if any. */
  pickedImageId: string | null;
}

export interface ReviewView {
  blind: boolean;
  /** Model names and the tally are shown (always true for an open review once the owner reveals). */
  revealed: boolean;
  prompts: ReviewPrompt[];
  /** What this reviewer sent last time, to edit. */
  comment: string | null;
  reviewerName: string | null;
  /** The tally, once revealed. */
  tally: ReviewTally | null;
}

export interface ModelTally {
  modelId: string;
  picks: number;
  /** Picks ÷ ballots for the prompt, 0 when nobody voted on it. */
  winRate: number;
}

/** One configuration: a model with its parameters. The same model may have several. */
export interface ConfigurationTally {
  /** Same model and parameters, same key, in every prompt of the gallery. */
  key: string;
  modelId: string;
  /** What tells it apart, as the matrix column reads: "FLUX.1 · dev", "Z-Image Base · 28 steps". */
  label: string;
  picks: number;
  winRate: number;
}

/** One image: a configuration may have several per prompt (several images per job, or takes). */
export interface ImageTally {
  imageId: string;
  modelId: string;
  /** The `key` of its configuration. */
  configKey: string;
  label: string;
  /** 1-based among its configuration's images for this prompt, in gallery order ("image 2"). */
  number: number;
  picks: number;
  winRate: number;
}

export interface PromptTally {
  key: string;
  prompt: string;
  ballots: number;
  /** Per model: every configuration and image of a model together. Most picked first. */
  models: ModelTally[];
  /** Per configuration, most picked first. */
  configurations: ConfigurationTally[];
  /** Per image, most picked first. */
  images: ImageTally[];
}

export interface ReviewTally {
  /** Reviewers who voted on at least one prompt. */
  ballots: number;
  prompts: PromptTally[];
}

/** GET /api/galleries/:slug/results — the owner's view, with every comment. */
export interface ReviewResultsView extends ReviewTally {
  slug: string;
  title: string;
  blind: boolean;
  revealed: boolean;
  prompts: (Omit<PromptTally, "images"> & {
    images: (ImageTally & { thumbnailUrl: string })[];
    comments: { reviewerName?: string; text: string }[];
  })[];
}

/** POST /api/galleries/:slug/votes. */
export interface VoteResponse {
  /** The prompts this reviewer has a pick for now. */
  picks: { promptKey: string; imageId: string }[];
}

/** GET /api/images?ids=… — what the compare view labels each image with. */
export interface CompareImageView {
  image: ImageView;
  runId: string;
  prompt: string;
  modelId: string;
  params: Record<string, unknown>;
  seed: number | null;
}

export interface CompareImagesView {
  images: CompareImageView[];
}

/** PATCH /api/images/:id. */
export interface ImagePatchResponse {
  image: ImageView;
}
