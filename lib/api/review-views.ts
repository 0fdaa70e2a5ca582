import { z } from "zod";
import { imageViewSchema } from "./image-view";

/** Isomorphic: the client-review shapes of share pages and of the owner's results. */

const meta = (description: string) => ({ description });

/** One image a reviewer can pick. In a blind review nothing here names the model. */
export const reviewOptionSchema = z.object({
  label: z.string().meta(meta('"A", "B", … in this reviewer\'s order (blind or not).')),
  image: imageViewSchema,
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
  pickedImageId: z.string().nullable().meta(meta("The image this reviewer picked for this prompt, if any.")),
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

export const promptTallySchema = z.object({
  key: z.string(),
  prompt: z.string(),
  ballots: z.int(),
  models: z
    .array(modelTallySchema)
    .meta(meta("Per model, every configuration and image together; most picked first.")),
  configurations: z.array(configurationTallySchema).meta(meta("Per configuration, most picked first.")),
  images: z.array(imageTallySchema).meta(meta("Per image, most picked first.")),
});

export const reviewTallySchema = z.object({
  ballots: z.int().meta(meta("Reviewers who voted on at least one prompt.")),
  prompts: z.array(promptTallySchema),
});

export const reviewViewSchema = z.object({
  blind: z.boolean(),
  revealed: z.boolean().meta(meta("Model names and the tally are shown.")),
  prompts: z.array(reviewPromptSchema),
  comment: z.string().nullable().meta(meta("What this reviewer sent last time, to edit.")),
  reviewerName: z.string().nullable(),
  tally: reviewTallySchema.nullable().meta(meta("The tally, once revealed.")),
});

/** GET /api/galleries/:slug/results — the owner's view, with every comment. */
export const reviewResultsViewSchema = reviewTallySchema.extend({
  slug: z.string(),
  title: z.string(),
  blind: z.boolean(),
  revealed: z.boolean(),
  prompts: z.array(
    promptTallySchema.extend({
      images: z.array(imageTallySchema.extend({ thumbnailUrl: z.string() })),
      comments: z.array(z.object({ reviewerName: z.string().optional(), text: z.string() })),
    }),
  ),
});

/** POST /api/galleries/:slug/votes. */
export const voteResponseSchema = z.object({
  picks: z
    .array(z.object({ promptKey: z.string(), imageId: z.string() }))
    .meta(meta("The prompts this reviewer has a pick for now.")),
});

/** GET /api/images?ids=… — what the compare view labels each image with. */
export const compareImageViewSchema = z.object({
  image: imageViewSchema,
  runId: z.string(),
  inputs: z
    .array(imageViewSchema.pick({ id: true, url: true, thumbnailUrl: true, width: true, height: true }))
    .meta(
      meta("The run's input images (empty for a text-only run): the compare view can put one in as a side."),
    ),
  prompt: z.string(),
  modelId: z.string(),
  params: z.record(z.string(), z.unknown()),
  seed: z.int().nullable(),
});

export const compareImagesViewSchema = z.object({ images: z.array(compareImageViewSchema) });

/** PATCH /api/images/:id. */
export const imagePatchResponseSchema = z.object({ image: imageViewSchema });

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
export type CompareImageView = z.output<typeof compareImageViewSchema>;
export type CompareImagesView = z.output<typeof compareImagesViewSchema>;
export type ImagePatchResponse = z.output<typeof imagePatchResponseSchema>;
