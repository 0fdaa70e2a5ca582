import { z } from "zod";

/** DashScope's own request and response shapes (docs/providers.md §4); unknown fields are ignored. */

/** One item of the user message: an input image (URL or data URI) or the prompt. */
export type DashscopeContentItem = { image: string } | { text: string };

/**
 * The documented multimodal-generation body (§4.2; edit models: images before the text). Which
 * `parameters` a model takes is its catalog schema's business (size, seed, n, negative_prompt…).
 */
export interface DashscopeGenerationBody {
  model: string;
  input: { messages: { role: "user"; content: DashscopeContentItem[] }[] };
  parameters: Record<string, unknown>;
}

/** The parts of a 200 answer we read (§4.3). */
export const generationSchema = z.object({
  request_id: z.string().optional(),
  output: z.object({
    choices: z.array(
      z.object({ message: z.object({ content: z.array(z.record(z.string(), z.unknown())) }) }),
    ),
  }),
  usage: z.object({ width: z.number().optional(), height: z.number().optional() }).nullish(),
});
export type DashscopeGeneration = z.output<typeof generationSchema>;

/** `{request_id, code, message}` on any refusal (§4.4). */
export const errorBodySchema = z.object({
  code: z.unknown().optional(),
  message: z.unknown().optional(),
  msg: z.unknown().optional(),
});
export type DashscopeErrorBody = z.output<typeof errorBodySchema>;
