import { z } from "zod";
import { imageViewSchema } from "./image-view";

/** Isomorphic: what the picks board and the scorecard answer (GET /api/picks, GET /api/scorecard). */

const meta = (description: string) => ({ description });

/** One starred image on the picks board (GET /api/picks). */
export const pickViewSchema = z.object({
  image: imageViewSchema,
  runId: z.string(),
  prompt: z.string(),
  modelId: z.string(),
  configuration: z
    .string()
    .meta(meta('The label of the image\'s configuration (column), e.g. "FLUX.1 · schnell".')),
  take: z.int().meta(meta("Which take of its cell the image came from.")),
  note: z.string().nullable(),
  position: z
    .int()
    .nullable()
    .meta(
      meta(
        "Its place on the board (1 first); null until the board has been ordered, then it follows the ordered ones.",
      ),
    ),
  createdAt: z.string(),
});

export const pickListViewSchema = z.object({
  picks: z.array(pickViewSchema),
  nextCursor: z.string().optional().meta(meta("Opaque cursor for the next page, absent on the last page.")),
});

/** A win rate over pairwise outcomes from review ballots, with its 95 % Wilson score interval. */
export const winRateViewSchema = z.object({
  value: z.number().nullable().meta(meta("Wins ÷ comparisons; null without any comparison.")),
  low: z.number().nullable(),
  high: z.number().nullable(),
  comparisons: z
    .int()
    .meta(meta("Pairwise outcomes counted: each ballot against each rival shown for the same prompt.")),
});

/** What a model, or one configuration of it, did across the runs in scope. */
const scorecardFigures = {
  runs: z.int(),
  images: z.int(),
  medianSeconds: z
    .number()
    .nullable()
    .meta(meta("Seconds from a job's creation to its first stored image, over jobs that stored one.")),
  p95Seconds: z.number().nullable(),
  failureRate: z
    .number()
    .nullable()
    .meta(
      meta(
        "Failed ÷ finished (succeeded + failed) jobs; canceled ones are not counted. Null when none finished.",
      ),
    ),
  costPerImageUsd: z
    .number()
    .nullable()
    .meta(
      meta(
        "Charged where known, else the estimate, per image of succeeded jobs; null where no price is known.",
      ),
    ),
  costAssumed: z.boolean().meta(meta("Part of the cost is an assumed price (the provider publishes none).")),
  starsPerImage: z.number().nullable(),
  winRate: winRateViewSchema,
};

export const scorecardConfigurationViewSchema = z.object({ ...scorecardFigures, label: z.string() });

export const scorecardModelViewSchema = z.object({
  ...scorecardFigures,
  modelId: z.string(),
  configurations: z.array(scorecardConfigurationViewSchema),
  secondsHistogram: z
    .array(z.int())
    .meta(
      meta(
        "Succeeded jobs per time-to-first-image bucket; bucket i ends at `secondsBuckets[i]` (the last is open).",
      ),
    ),
});

export const scorecardViewSchema = z.object({
  models: z.array(scorecardModelViewSchema),
  secondsBuckets: z.array(z.number()).meta(meta("Upper edges of the histogram's buckets, in seconds.")),
  interval: z.literal("wilson-95").meta(meta("How the interval is computed.")),
});

export type PickView = z.output<typeof pickViewSchema>;
export type PickListView = z.output<typeof pickListViewSchema>;
export type WinRateView = z.output<typeof winRateViewSchema>;
export type ScorecardFigures = Omit<z.output<typeof scorecardConfigurationViewSchema>, "label">;
export type ScorecardConfigurationView = z.output<typeof scorecardConfigurationViewSchema>;
export type ScorecardModelView = z.output<typeof scorecardModelViewSchema>;
export type ScorecardView = z.output<typeof scorecardViewSchema>;
