import { z } from "zod";
import { JOB_STATUSES } from "@/lib/models/job-status";
import { MODEL_FAMILIES } from "@/lib/models/types";
import { imageViewSchema } from "./image-view";
import { editedFromSchema } from "./run-change-views";
import { reviewViewSchema } from "./review-views";

export { type ImageView, imageViewSchema } from "./image-view";
export type * from "./board-views";
export type * from "./run-change-views";

/**
 * Isomorphic: the JSON shapes the API answers with. Zod schemas, so the OpenAPI document is made
 * from them (lib/api/openapi); the browser imports their types only (a type import ships nothing).
 */

const meta = (description: string) => ({ description });
const params = z.record(z.string(), z.unknown());
const instant = z.string().meta(meta("ISO 8601 date and time."));

export const jobStatusSchema = z.enum(JOB_STATUSES);

export const jobViewSchema = z.object({
  id: z.string(),
  modelId: z.string(),
  promptIndex: z.int().meta(meta("Row of the matrix: index into the run's `prompts`.")),
  configIndex: z.int().meta(meta("Column of the matrix: index into the run's `configs`.")),
  prompt: z.string().meta(meta("The prompt of its row, for convenience.")),
  take: z.int().meta(meta("1 for the first take of a cell; each retry or another take adds one.")),
  seed: z.int().nullable().meta(meta("The seed actually sent; null where the model takes none.")),
  revisedPrompt: z
    .string()
    .nullable()
    .meta(meta("The prompt the provider says it really used, when it rewrote it.")),
  retryNote: z
    .string()
    .nullable()
    .meta(
      meta(
        'While a step is being retried: what is going on, e.g. "pixazo is not answering — retrying (3 of 10)".',
      ),
    ),
  params,
  status: jobStatusSchema,
  images: z.array(imageViewSchema),
  expectedImages: z.int().meta(meta("How many images the job should return, for placeholders.")),
  aspectRatio: z.number().meta(meta("Width ÷ height of the images it asked for, for placeholders.")),
  error: z
    .object({
      code: z.string(),
      message: z.string().meta(meta("What went wrong as the provider or Prism put it.")),
      summary: z.string().optional().meta(meta("The same in plain words with a next step.")),
    })
    .optional(),
  estimatedCostUsd: z
    .number()
    .nullable()
    .meta(meta("Estimate made before submit; null when no price is known.")),
  costAssumed: z
    .literal(true)
    .optional()
    .meta(meta("The estimate is an assumed price: the provider publishes none.")),
  costUsd: z.number().optional().meta(meta("What the provider reported it charged, when it did.")),
  notes: z.array(z.string()).meta(meta("Shared settings this model could not honour exactly.")),
  createdAt: instant,
  startedAt: instant.optional(),
  finishedAt: instant.optional(),
  chosenAt: instant
    .optional()
    .meta(meta('When the owner made this take the one that counts ("Use this take").')),
});

/** A column of the matrix: a model with its parameters. The same model may appear in several. */
export const runConfigViewSchema = z.object({
  index: z.int(),
  modelId: z.string(),
  params: params.meta(meta("As sent, before a random seed was filled in.")),
  label: z.string().meta(meta('What tells this column apart, e.g. "FLUX.1 · dev".')),
  notes: z.array(z.string()),
});

/** One input image (an upload, or a stored result made an input): the names of the image view. */
export const inputViewSchema = imageViewSchema
  .pick({
    id: true,
    url: true,
    thumbnailUrl: true,
    width: true,
    height: true,
    contentType: true,
    byteSize: true,
  })
  .extend({
    notes: z
      .array(z.string())
      .meta(meta('What the upload pipeline changed, e.g. "Kept the first frame of an animated GIF".')),
  });

/** POST /api/inputs → 201. */
export const createInputResponseSchema = z.object({ input: inputViewSchema });

export const runViewSchema = z.object({
  id: z.string(),
  prompt: z.string().meta(meta("The first prompt (a run of one prompt is a one-row matrix).")),
  prompts: z.array(z.string()).meta(meta("The rows of the matrix.")),
  promptText: z.string().optional().meta(meta("The Variants text the prompts were expanded from, if sent.")),
  editedFrom: editedFromSchema.optional(),
  configs: z.array(runConfigViewSchema).meta(meta("The columns of the matrix.")),
  seed: z.int().nullable().meta(meta("Locked for every model that takes one; null for random seeds.")),
  inputs: z.array(inputViewSchema).meta(meta("The run's input images, in order; every cell shares them.")),
  createdAt: instant,
  jobs: z.array(jobViewSchema).meta(meta("Every take of every cell, in row, column, take order.")),
});

export const runSummarySchema = z.object({
  id: z.string(),
  prompt: z.string(),
  promptCount: z.int(),
  configCount: z.int(),
  editedFrom: editedFromSchema.optional(),
  createdAt: instant,
  modelIds: z.array(z.string()),
  statuses: z.array(jobStatusSchema).meta(meta("The status of each cell's take that counts.")),
  thumbnails: z
    .array(z.object({ url: z.string(), width: z.int(), height: z.int() }))
    .meta(meta("Up to four thumbnails for the history list.")),
  starredImageIds: z.array(z.string()).meta(meta("The run's starred images.")),
});

export const runListViewSchema = z.object({
  runs: z.array(runSummarySchema),
  nextCursor: z.string().optional().meta(meta("Opaque cursor for the next page, absent on the last page.")),
});

export const createRunResponseSchema = z.object({
  id: z.string(),
  jobs: z.array(z.object({ id: z.string(), modelId: z.string(), status: jobStatusSchema })),
});

export const modelViewSchema = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  name: z.string(),
  description: z.string(),
  family: z.enum(MODEL_FAMILIES).meta(meta("Its family across providers: the picker's groups.")),
  goodFor: z.string().meta(meta('One line on what to pick the model for, e.g. "Posters and layouts".')),
  available: z.boolean(),
  simulated: z.boolean().meta(meta("True when this provider points at the built-in simulator.")),
  pricing: z.string(),
  assumedImagePriceUsd: z
    .number()
    .meta(meta("USD per image the budget assumes when the model has no published price.")),
  promptMaxLength: z.int(),
  inputImages: z
    .object({
      min: z.int(),
      max: z.int(),
      maxSide: z
        .int()
        .optional()
        .meta(meta("The longest input side the provider documents; larger inputs are sent downscaled.")),
    })
    .meta(meta("How many of a run's input images the model takes; `min ≥ 1` is an edit model.")),
  unavailableReason: z
    .string()
    .optional()
    .meta(meta("Why `available` is false when it is not a missing key.")),
  paramsSchema: z
    .unknown()
    .meta(meta("JSON Schema of the model's parameters (components/schemas/ModelParams_*).")),
  fields: z
    .array(
      z.object({
        name: z.string(),
        title: z.string(),
        kind: z.enum(["text", "number", "enum", "boolean"]),
        options: z
          .array(z.object({ value: z.union([z.string(), z.number()]), label: z.string() }))
          .optional(),
      }),
    )
    .meta(
      meta(
        "The parameters as people read them, in the schema's order: what a job's parameters are labelled by (\"Aspect ratio 16:9\").",
      ),
    ),
  defaults: params,
});

export const modelsResponseSchema = z.object({ models: z.array(modelViewSchema), simulator: z.boolean() });

/** What a share link's view and its summary both say of it. */
const galleryFields = {
  slug: z.string(),
  title: z.string(),
  note: z.string().nullable(),
  createdAt: instant,
  expiresAt: instant.nullable(),
};

/** A shared gallery as the public sees it; never carries what the owner paid (costs null or absent). */
export const galleryViewSchema = z.object({
  ...galleryFields,
  runs: z
    .array(runViewSchema)
    .meta(meta("Runs with only their selected images; empty in a blind review not revealed yet.")),
  review: reviewViewSchema
    .nullable()
    .meta(meta("Present when the owner asked visitors to pick a favourite per prompt.")),
});

export const createGalleryResponseSchema = z.object({
  slug: z.string(),
  url: z.string().meta(meta("The public share page, absolute when PUBLIC_URL is set, else relative.")),
});

export const gallerySummarySchema = z.object({
  ...galleryFields,
  review: z.object({ blind: z.boolean(), revealed: z.boolean(), ballots: z.int() }).nullable(),
  hideNotes: z.boolean(),
  imageCount: z.int(),
  thumbnailUrl: z.string().nullable(),
});

export const galleryListViewSchema = z.object({ galleries: z.array(gallerySummarySchema) });

/** GET /api/spend. */
export const spendViewSchema = z.object({
  todayUsd: z.number().meta(meta("Spent today (UTC), deleted runs included.")),
  assumedUsd: z.number().meta(meta("The part of todayUsd that is assumed prices.")),
  budgetUsd: z.number().nullable(),
  unpricedJobs: z.int().meta(meta("Jobs today without any price; they count as $0.")),
  simulated: z
    .boolean()
    .meta(meta("The built-in simulator answers every request: nothing real was charged.")),
});

/** POST /api/jobs/:id/rerun (the new take, in the same cell) and POST /api/jobs/:id/cancel. */
export const jobResponseSchema = z.object({ job: jobViewSchema });

/** GET /api/jobs/:id/code and GET /api/runs/:id/code: the same request in three languages. */
export const codeSnippetsViewSchema = z.object({
  curl: z.string(),
  javascript: z.string(),
  python: z.string(),
});

export type JobView = z.output<typeof jobViewSchema>;
export type RunConfigView = z.output<typeof runConfigViewSchema>;
export type InputView = z.output<typeof inputViewSchema>;
export type CreateInputResponse = z.output<typeof createInputResponseSchema>;
export type RunView = z.output<typeof runViewSchema>;
export type RunSummary = z.output<typeof runSummarySchema>;
export type RunListView = z.output<typeof runListViewSchema>;
export type CreateRunResponse = z.output<typeof createRunResponseSchema>;
export type ModelView = z.output<typeof modelViewSchema>;
export type ModelsResponse = z.output<typeof modelsResponseSchema>;
export type GalleryView = z.output<typeof galleryViewSchema>;
export type CreateGalleryResponse = z.output<typeof createGalleryResponseSchema>;
export type GallerySummary = z.output<typeof gallerySummarySchema>;
export type GalleryListView = z.output<typeof galleryListViewSchema>;
export type SpendView = z.output<typeof spendViewSchema>;
export type RerunJobResponse = z.output<typeof jobResponseSchema>;
export type CancelJobResponse = z.output<typeof jobResponseSchema>;
export type ChooseTakeResponse = z.output<typeof jobResponseSchema>;
export type CodeSnippetsView = z.output<typeof codeSnippetsViewSchema>;

/** A run as its page comes with it (server-rendered): the view and the ETag to ask for news of it. */
export interface RunCopy {
  run: RunView;
  etag: string;
}
