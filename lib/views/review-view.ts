import "server-only";
import { createHash } from "node:crypto";
import type { ReviewOption, ReviewView } from "@/lib/api/review-views";
import type { ImageView } from "@/lib/api/views";
import type { GalleryRow, ImageRow, BallotRow } from "@/lib/db/schema";
import { tallyBallots, type TallyPrompt } from "./tally";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A, B, …, Z, AA, AB, … */
function letter(index: number): string {
  return index < LETTERS.length
    ? LETTERS[index]!
    : `${letter(Math.floor(index / LETTERS.length) - 1)}${LETTERS[index % LETTERS.length]}`;
}

/** The same reviewer always sees the same order; another reviewer a different one. */
function shuffleFor<T extends { imageId: string }>(seed: string, options: T[]): T[] {
  const rank = (imageId: string) => createHash("sha256").update(`${seed}|${imageId}`).digest("hex");
  return options
    .map((option) => ({ option, rank: rank(option.imageId) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .map(({ option }) => option);
}

/** Whether the page may name the models: always in an open review, after the reveal in a blind one. */
export function namesShown(gallery: GalleryRow): boolean {
  return gallery.reviewMode !== "blind" || gallery.revealedAt !== null;
}

export interface ReviewViewInput {
  gallery: GalleryRow;
  prompts: TallyPrompt[];
  /** The shared images by id, already as the public may see them. */
  imageViews: Map<string, ImageView>;
  /** Seeds the shuffle: the reviewer id, or the slug for a visitor without one. */
  orderSeed: string;
  /** This reviewer's ballots, to show their picks. */
  mine: BallotRow[];
  /** Every ballot, once revealed (null before: the tally stays with the owner). */
  all: BallotRow[] | null;
}

/** What one visitor of a review gallery sees: the questions, their picks, and the tally once revealed. */
export function toReviewView(input: ReviewViewInput): ReviewView {
  const { gallery } = input;
  const blind = gallery.reviewMode === "blind";
  const showNames = namesShown(gallery);
  const mine = new Map(input.mine.map((ballot) => [ballot.promptKey, ballot]));
  const latest = [...input.mine].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  return {
    blind,
    revealed: gallery.revealedAt !== null,
    prompts: input.prompts.map((prompt) => {
      const ordered = blind ? shuffleFor(input.orderSeed, prompt.options) : prompt.options;
      const options = ordered.flatMap((option, index): ReviewOption[] => {
        const image = input.imageViews.get(option.imageId);
        if (!image) return [];
        const names = showNames ? { modelId: option.modelId, configuration: option.label } : {};
        return [{ label: letter(index), image, ...names }];
      });
      const picked = mine.get(prompt.key)?.imageId ?? null;
      return { key: prompt.key, prompt: prompt.prompt, options, pickedImageId: picked };
    }),
    comment: latest?.comment ?? null,
    reviewerName: latest?.reviewerName ?? null,
    tally: input.all && gallery.revealedAt ? tallyBallots(input.prompts, input.all) : null,
  };
}

/** The image as a share page shows it: no note when the owner hides them, no star or note in a blind review. */
export function publicImage(gallery: GalleryRow, image: ImageRow): ImageRow {
  const hideAnnotations = !namesShown(gallery);
  return {
    ...image,
    starred: hideAnnotations ? false : image.starred,
    note: hideAnnotations || gallery.hideNotes ? null : image.note,
  };
}
