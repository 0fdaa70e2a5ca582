import { z } from "zod";

/** pixazo's own response shapes (docs/providers.md §3); unknown fields are ignored. */

/** The 202 answer to a submit (§3.5). */
export const submitResponseSchema = z.object({
  request_id: z.string().min(1),
  status: z.string().optional(),
  polling_url: z.string().optional(),
});
export type PixazoSubmitted = z.output<typeof submitResponseSchema>;

/** A status object, as polled or pushed by the webhook. */
export const pixazoStatusSchema = z.object({
  request_id: z.string().optional(),
  status: z.string(),
  output: z.object({ media_url: z.union([z.array(z.string()), z.string()]).nullish() }).nullish(),
  error: z.unknown().optional(),
});
export type PixazoStatus = z.output<typeof pixazoStatusSchema>;

/** Gateway bodies: `{error, message}` from pixazo, `{statusCode, message}` from Azure APIM (§3.7). */
export const errorBodySchema = z.object({ message: z.unknown().optional(), error: z.unknown().optional() });
