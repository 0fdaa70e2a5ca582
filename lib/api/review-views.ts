import { z } from "zod";
import { imageViewSchema } from "./image-view";

/** Isomorphic: the client-review shapes of share pages and of the owner's results. */

const meta = (description: string) => ({ description });

/**
 * An image as a review shows it. In a blind review only its id and URLs, which exist only in that
 * review (a normalised rendition): no size, type, byte size or index that could group it by model.
 */
export const reviewImageSchema = imageViewSchema
  .partial()
  .required({ id: true, url: true, thumbnailUrl: true });

/**
 * An input image (before the edit) as a share page or the compare view shows it. It names no model;
 * in a blind review its id and URLs exist only in that review, like its renditions.
 */
export const shownInputSchema = imageViewSchema.pick({
  id: true,
  url: true,
  thumbnailUrl: true,
  width: true,
  height: true,
});

/** One image a reviewer can pick. In a blind review nothing here names the model. */
export const reviewOptionSchema = z.object({
  label: z.string().meta(meta('"A", "B", … in this reviewer\'s order (blind or not).')),
  image: reviewImageSchema,
  modelId: z.string().optional().meta(meta("Absent while a blind review is not revealed.")),
  configuration: z
    .string()
    .optional()
    .meta(
      meta('The configuration\'s label as a matrix column reads ("FLUX.1 · dev"); absent with `modelId`.'),
    ),
});

export const reviewPromptSchema = z.object({
  key: z.string().meta(meta("Stable id of the prompt within the gallery (what a pick is filed under).")),
  prompt: z.string(),
  options: z
    .array(reviewOptionSchema)
    .meta(meta("Shuffled per reviewer in a blind review, stable for that reviewer.")),
  inputs: z
    .array(shownInputSchema)
    .meta(
      meta(
        "The images the options were edited from, in the order the models took them (empty for text-to-image). In a blind review, ids and URLs of the review's own.",
      ),
    ),
  pickedImageId: z.string().nullable().meta(meta("The image this reviewer picked for this prompt, if any.")),
  aspectRatio: z
    .number()
    .optional()
    .meta(meta("In a blind review, the one shape (width ÷ height) all its options are rendered at.")),
  none: z.boolean().meta(meta('This reviewer said "None of these" for this prompt.')),
  comment: z.string().nullable().meta(meta("This reviewer's comment on this prompt.")),
});

const winRate = z.number().meta(meta("Picks ÷ ballots for the prompt, 0 when nobody voted on it."));

export const modelTallySchema = z.object({ modelId: z.string(), picks: z.int(), winRate });

/** One configuration: a model with its parameters. The same model may have several. */
export const configurationTallySchema = z.object({
  key: z.string().meta(meta("Same model and parameters, same key, in every prompt of the gallery.")),
  modelId: z.string(),
  label: z.string().meta(meta('What tells it apart, as the matrix column reads: "FLUX.1 · dev".')),
  picks: z.int(),
  winRate,
});

/** One image: a configuration may have several per prompt (several images per job, or takes). */
export const imageTallySchema = z.object({
  imageId: z.string(),
  modelId: z.string(),
  configKey: z.string().meta(meta("The `key` of its configuration.")),
  label: z.string(),
  number: z.int().meta(meta('1-based among its configuration\'s images for this prompt ("image 2").')),
  picks: z.int(),
  winRate,
});

/**
 * How clear a prompt's leader is: its share of the ballots with a 95 % Wilson score interval.
 * `clear` when that interval lies wholly above the runner-up's (with few ballots it rarely does).
 */
export const agreementSchema = z.object({
  imageId: z.string(),
  label: z.string(),
  picks: z.int(),
  ballots: z.int(),
  share: z.number(),
  low: z.number(),
  high: z.number(),
  clear: z.boolean(),
});

export const promptTallySchema = z.object({
  key: z.string(),
  prompt: z.string(),
  ballots: z.int(),
  none: z.int().meta(meta('Ballots that said "None of these" (counted in `ballots`, for no image).')),
  models: z
    .array(modelTallySchema)
    .meta(meta("Per model, every configuration and image together; most picked first.")),
  configurations: z.array(configurationTallySchema).meta(meta("Per configuration, most picked first.")),
  images: z.array(imageTallySchema).meta(meta("Per image, most picked first.")),
  leader: agreementSchema
    .nullable()
    .meta(meta("The most picked image and how clear its lead is; null with no picks or a tie at the top.")),
});

export const reviewTallySchema = z.object({
  ballots: z.int().meta(meta("Reviewers who voted on at least one prompt.")),
  prompts: z.array(promptTallySchema),
});

export const reviewViewSchema = z.object({
  blind: z.boolean(),
  revealed: z.boolean().meta(meta("Model names and the tally are shown.")),
  open: z.boolean().meta(meta("Whether new ballots are taken (false once the owner closed voting).")),
  round: z.int().meta(meta("1 for a first review, 2 for the next round of it, …")),
  invite: z
    .object({ name: z.string() })
    .nullable()
    .meta(meta("The invite link this reviewer came through, if any (one ballot per link).")),
  prompts: z.array(reviewPromptSchema),
  comment: z.string().nullable().meta(meta("What this reviewer sent last time, to edit.")),
  reviewerName: z.string().nullable(),
  tally: reviewTallySchema.nullable().meta(meta("The tally, once revealed.")),
});

/** One pick of a ballot: an image (the owner's id in results), or "None of these". */
export const ballotPickViewSchema = z.object({
  promptKey: z.string(),
  imageId: z.string().nullable(),
  none: z.boolean(),
  comment: z.string().optional(),
});

/** One reviewer's ballot as the owner reads it. */
export const ballotViewSchema = z.object({
  id: z.string(),
  reviewerName: z.string().optional(),
  createdAt: z.string(),
  comment: z.string().optional(),
  source: z.enum(["open", "invite"]),
  inviteName: z.string().optional(),
  excluded: z.boolean().meta(meta("Taken out of the tally by the owner (kept, and reversible).")),
  picks: z.array(ballotPickViewSchema).meta(meta("In the owner's prompt order.")),
});

const roundLink = z.object({ slug: z.string(), round: z.int() });

/** GET /api/galleries/:slug/results — the owner's view, with every ballot and comment. */
export const reviewResultsViewSchema = reviewTallySchema.omit({ ballots: true }).extend({
  slug: z.string(),
  title: z.string(),
  blind: z.boolean(),
  revealed: z.boolean(),
  open: z.boolean().meta(meta("Whether voting is open.")),
  showOwnerStars: z.boolean(),
  round: z.int(),
  previousRound: roundLink.nullable().meta(meta("The round this one follows.")),
  nextRounds: z.array(roundLink).meta(meta("The rounds that follow this one.")),
  ballotCount: z.int().meta(meta("Ballots that count (excluded ones left out).")),
  ballots: z.array(ballotViewSchema),
  prompts: z.array(
    promptTallySchema.extend({
      images: z.array(
        imageTallySchema.extend({
          thumbnailUrl: z.string(),
          reviewImageId: z
            .string()
            .optional()
            .meta(meta("In a blind review, the id its reviewers see (the owner may match the two).")),
        }),
      ),
      comments: z
        .array(z.object({ reviewerName: z.string().optional(), text: z.string() }))
        .meta(meta("Per-prompt comments.")),
    }),
  ),
});

/** POST /api/galleries/:slug/votes. */
export const voteResponseSchema = z.object({
  picks: z
    .array(ballotPickViewSchema)
    .meta(meta("The prompts this reviewer has a pick for now (ids as the review page gives them).")),
});

/** POST /api/galleries/:slug/invites. */
export const invitesResponseSchema = z.object({
  invites: z.array(z.object({ name: z.string(), url: z.string() })),
});

/** POST /api/galleries/:slug/rounds. */
export const nextRoundResponseSchema = z.object({ slug: z.string(), url: z.string() });

/** PATCH /api/galleries/:slug/ballots/:id. */
export const ballotPatchResponseSchema = z.object({ id: z.string(), excluded: z.boolean() });

/** GET /api/images?ids=… — what the compare view labels each image with. */
export const compareImageViewSchema = z.object({
  image: imageViewSchema,
  runId: z.string(),
  inputs: z
    .array(shownInputSchema)
    .meta(
      meta("The run's input images (empty for a text-only run): the compare view can put one in as a side."),
    ),
  prompt: z.string(),
  modelId: z.string(),
  configuration: z
    .string()
    .meta(meta('The label of the image\'s column in its run, e.g. "FLUX.1 · schnell".')),
  take: z.int().meta(meta("Which take of its cell the image comes from (1 for the first).")),
  params: z.record(z.string(), z.unknown()),
  seed: z.int().nullable(),
});

export const compareImagesViewSchema = z.object({ images: z.array(compareImageViewSchema) });

/** PATCH /api/images/:id. */
export const imagePatchResponseSchema = z.object({ image: imageViewSchema });

export type ReviewImage = z.output<typeof reviewImageSchema>;
export type ShownInput = z.output<typeof shownInputSchema>;
export type ReviewOption = z.output<typeof reviewOptionSchema>;
export type ReviewPrompt = z.output<typeof reviewPromptSchema>;
export type ReviewView = z.output<typeof reviewViewSchema>;
export type ModelTally = z.output<typeof modelTallySchema>;
export type ConfigurationTally = z.output<typeof configurationTallySchema>;
export type ImageTally = z.output<typeof imageTallySchema>;
export type PromptTally = z.output<typeof promptTallySchema>;
export type ReviewTally = z.output<typeof reviewTallySchema>;
export type ReviewResultsView = z.output<typeof reviewResultsViewSchema>;
export type VoteResponse = z.output<typeof voteResponseSchema>;
export type Agreement = z.output<typeof agreementSchema>;
export type BallotPickView = z.output<typeof ballotPickViewSchema>;
export type BallotView = z.output<typeof ballotViewSchema>;
export type InvitesResponse = z.output<typeof invitesResponseSchema>;
export type NextRoundResponse = z.output<typeof nextRoundResponseSchema>;
export type CompareImageView = z.output<typeof compareImageViewSchema>;
export type CompareImagesView = z.output<typeof compareImagesViewSchema>;
export type ImagePatchResponse = z.output<typeof imagePatchResponseSchema>;
