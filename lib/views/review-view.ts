import "server-only";
import { createHash } from "node:crypto";
import type { ReviewImage, ReviewOption, ReviewTally, ReviewView, ShownInput } from "@/lib/api/review-views";
import type { ReviewBallotRow } from "@/lib/db/queries/ballots";
import type { GalleryRow, ImageRow, BallotRow } from "@/lib/db/schema";
import type { ReviewImageIds } from "./review-image-ids";
import type { ReviewPromptRows } from "./review-prompts";
import { tallyBallots } from "./tally";

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
  prompts: ReviewPromptRows[];
  /** The shared images by their own id, already as the public may see them (in a blind review, renditions). */
  imageViews: Map<string, ReviewImage>;
  /** Each run's inputs as this review shows them (review-inputs.ts). */
  inputsByRun: Map<string, ShownInput[]>;
  ids: ReviewImageIds;
  /** Per original image id, the box its prompt's renditions share (blind reviews). */
  boxes: Map<string, { width: number; height: number }>;
  /** Seeds the shuffle: the reviewer id, or the slug for a visitor without one. */
  orderSeed: string;
  /** This reviewer's picks, to show them, and their ballot (overall comment and name). */
  mine: BallotRow[];
  ballot: ReviewBallotRow | null;
  invite: { name: string } | null;
  /** Every pick that counts, once revealed (null before: the tally stays with the owner). */
  all: BallotRow[] | null;
}

/** The revealed tally as a page of this review names its images (a blind review's own ids). */
function shownTally(tally: ReviewTally, ids: ReviewImageIds): ReviewTally {
  const shown = (id: string) => ids.shown.get(id) ?? id;
  return {
    ...tally,
    prompts: tally.prompts.map((prompt) => ({
      ...prompt,
      images: prompt.images.map((image) => ({ ...image, imageId: shown(image.imageId) })),
      leader: prompt.leader ? { ...prompt.leader, imageId: shown(prompt.leader.imageId) } : null,
    })),
  };
}

/** What one visitor of a review gallery sees: the questions, their picks, and the tally once revealed. */
export function toReviewView(input: ReviewViewInput): ReviewView {
  const { gallery } = input;
  const blind = gallery.reviewMode === "blind";
  const showNames = namesShown(gallery);
  const mine = new Map(input.mine.map((ballot) => [ballot.promptKey, ballot]));
  const latest = [...input.mine].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0];
  const shown = (id: string | null | undefined) => (id ? (input.ids.shown.get(id) ?? null) : null);
  return {
    blind,
    revealed: gallery.revealedAt !== null,
    open: gallery.reviewClosedAt === null,
    round: gallery.round,
    invite: input.invite,
    prompts: input.prompts.map((prompt) => {
      const ordered = blind ? shuffleFor(input.orderSeed, prompt.options) : prompt.options;
      const options = ordered.flatMap((option, index): ReviewOption[] => {
        const image = input.imageViews.get(shown(option.imageId) ?? "");
        if (!image) return [];
        const names = showNames ? { modelId: option.modelId, configuration: option.label } : {};
        return [{ label: letter(index), image, ...names }];
      });
      const pick = mine.get(prompt.key);
      const box = blind ? input.boxes.get(prompt.options[0]?.imageId ?? "") : undefined;
      return {
        key: prompt.key,
        prompt: prompt.prompt,
        options,
        inputs: input.inputsByRun.get(prompt.runId) ?? [],
        ...(box ? { aspectRatio: box.width / box.height } : {}),
        pickedImageId: shown(pick?.imageId),
        none: pick?.none ?? false,
        comment: pick?.promptComment ?? null,
      };
    }),
    comment: input.ballot?.comment ?? latest?.comment ?? null,
    reviewerName: input.ballot?.reviewerName ?? latest?.reviewerName ?? null,
    tally:
      input.all && gallery.revealedAt ? shownTally(tallyBallots(input.prompts, input.all), input.ids) : null,
  };
}

/**
 * The image as a share page shows it: no note when the owner hides them, no star or note in a blind
 * review; on a review link the owner's star only when they opted in.
 */
export function publicImage(gallery: GalleryRow, image: ImageRow): ImageRow {
  const hideAnnotations = !namesShown(gallery);
  const showStar = !hideAnnotations && (gallery.reviewMode === null || gallery.showOwnerStars);
  return {
    ...image,
    starred: showStar ? image.starred : false,
    note: hideAnnotations || gallery.hideNotes ? null : image.note,
  };
}
