import type { ImageView } from "./image-view";

/** Isomorphic: the client-review shapes of share pages and of the owner's results. */

/** One image a reviewer can pick. In a blind review nothing here names the model. */
export interface ReviewOption {
  /** "A", "B", … in this reviewer's order (blind or not; the model shows through `modelId`). */
  label: string;
  image: ImageView;
  /** Absent while a blind review is not revealed. */
  modelId?: string;
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

export interface PromptTally {
  key: string;
  prompt: string;
  ballots: number;
  models: ModelTally[];
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
  prompts: (PromptTally & { comments: { reviewerName?: string; text: string }[] })[];
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
