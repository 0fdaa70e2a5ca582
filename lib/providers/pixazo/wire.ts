import { z } from "zod";

/** pixazo's own paths and response shapes (docs/providers.md §3); unknown fields are ignored. */

/**
 * Each model's submit endpoint, by its pixazo model id (§3.2): the operation name differs from the
 * id, so it cannot be derived. The adapter, the simulator and the benches all read this table.
 */
export const PIXAZO_SUBMIT_PATHS = {
  "z-image-turbo-834": "/z-image-turbo-834/v1/z-image-turbo-request",
  "z-image-base": "/z-image-base/v1/z-image-base-request",
  "qwen-image-edit": "/qwen-image/v1/generateMultimodeTextToImageEditRequest",
} as const satisfies Record<string, `/${string}`>;
export type PixazoModelId = keyof typeof PIXAZO_SUBMIT_PATHS;

/**
 * Models whose body is DashScope-shaped, `{model, input: {messages}, parameters}` with the input
 * images before the prompt (docs/providers-edit.md §4), instead of `{prompt, ...fields}`. Their
 * answers are assumed to be the gateway's usual 202 and status object: nothing public shows them,
 * so if a real answer differs, this and `submitResponseSchema` are where it changes.
 */
export const PIXAZO_MESSAGE_BODY_MODELS: ReadonlySet<string> = new Set<PixazoModelId>(["qwen-image-edit"]);

/** The universal status endpoint (§3.5): this prefix, then the request id. */
export const PIXAZO_STATUS_PREFIX = "/v2/requests/status/";

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
