import { z } from "zod";

/** shortapi's own request and response shapes (docs/providers.md §2); unknown fields are ignored. */

/**
 * Where an edit model takes its input image URLs in `args` (docs/providers-edit.md §2): a list, or
 * one URL. Text-to-image models have none.
 */
export const SHORTAPI_IMAGE_ARGS: Readonly<Record<string, { field: string; max: number }>> = {
  "openai/gpt-image-2/edit": { field: "images", max: 16 },
  "shortapi/flux-1.0/image-to-image": { field: "image_url", max: 1 },
};

/** The documented create envelope (docs/providers.md §2.3). */
export interface ShortapiCreateBody {
  model: string;
  args: Record<string, unknown>;
  callback_url?: string;
}

/** Every answer: `code` 0 means success, even on HTTP 200 a non-zero code is a refusal (§2.8). */
export const envelopeSchema = z.object({
  code: z.union([z.number(), z.string()]).nullish(),
  info: z.unknown().optional(),
  message: z.unknown().optional(),
  error: z.unknown().optional(),
});

const jobIdSchema = z.union([z.string().min(1), z.number()]).transform(String);

export const createResponseSchema = z.object({
  data: z.object({ job_id: jobIdSchema.optional(), amount: z.unknown().optional() }).nullish(),
  // The seed's own examples read job_id from the top level (a doc bug, §2.5); harmless to accept.
  job_id: jobIdSchema.optional(),
});

/** The `data` of a job query. */
export const shortapiJobSchema = z.object({
  status: z.union([z.number(), z.string()]),
  result: z.object({ images: z.array(z.object({ url: z.string().min(1) })).nullish() }).nullish(),
  error: z.unknown().optional(),
  message: z.unknown().optional(),
  refunded: z.unknown().optional(),
});
export type ShortapiJob = z.output<typeof shortapiJobSchema>;

export const queryResponseSchema = z.object({ data: shortapiJobSchema });
