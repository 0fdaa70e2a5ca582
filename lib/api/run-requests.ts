import { z } from "zod";
import { findModel } from "@/lib/models/catalog";
import { JOB_STATUSES } from "@/lib/models/job-status";
import { promptSchema } from "@/lib/models/params";
import type { ModelDefinition } from "@/lib/models/types";
import { decodeRunCursor } from "./run-cursor";

/** Isomorphic: the requests of /api/runs. The server parses with these; the hooks type with z.input. */

export const MAX_MODELS_PER_RUN = 6;
const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

const modelRequestSchema = z.object({
  modelId: z.string().min(1, "Choose a model"),
  params: z.record(z.string(), z.unknown()).default({}),
  /** What the browser's shared-settings mapping could not honour, shown on the card. */
  notes: z.array(z.string().max(300)).max(10).default([]),
});

/** A run as the server stores it: each model resolved, its params parsed with defaults applied. */
export interface CreateRunInput {
  prompt: string;
  models: { model: ModelDefinition; params: Record<string, unknown>; notes: string[] }[];
}

/**
 * The body of POST /api/runs. Each model's params are validated with that model's own schema, so
 * issues name the exact field ("models.0.params.num_images"). The output carries parsed params
 * with defaults applied.
 */
export const createRunBodySchema = z
  .object({
    // Emptiness and length are checked in the transform: zod skips it once a field has failed,
    // and every problem in the body should be reported at once.
    prompt: z.string().trim(),
    models: z
      .array(modelRequestSchema)
      .min(1, "Choose at least one model")
      .max(MAX_MODELS_PER_RUN, `Choose at most ${MAX_MODELS_PER_RUN} models`),
  })
  .transform((body, context): CreateRunInput => {
    const models: CreateRunInput["models"] = [];
    body.models.forEach((request, position) => {
      const model = findModel(request.modelId);
      if (!model) {
        context.addIssue({
          code: "custom",
          path: ["models", position, "modelId"],
          message: `Unknown model: ${request.modelId}`,
        });
        return;
      }
      const parsed = model.params.safeParse(request.params);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          context.addIssue({
            code: "custom",
            path: ["models", position, "params", ...issue.path],
            message: issue.message,
          });
        }
        return;
      }
      models.push({ model, params: parsed.data, notes: request.notes });
    });
    const promptMaxLength = Math.min(...models.map(({ model }) => model.promptMaxLength));
    const limitedBy = models.find(({ model }) => model.promptMaxLength === promptMaxLength)?.model.name;
    for (const issue of promptSchema(promptMaxLength, limitedBy).safeParse(body.prompt).error?.issues ?? []) {
      context.addIssue({ code: "custom", path: ["prompt"], message: issue.message });
    }
    return context.issues.length > 0 ? z.NEVER : { prompt: body.prompt, models };
  });

export type CreateRunBody = z.input<typeof createRunBodySchema>;

/** The Idempotency-Key header of POST /api/runs: repeats with the same key get the same run. */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .max(MAX_IDEMPOTENCY_KEY_LENGTH, `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`)
  .optional()
  .transform((key) => key || undefined);

/** GET /api/runs?cursor&limit&q&model&status: history, newest first. */
export const listRunsQuerySchema = z.object({
  cursor: z
    .string()
    .max(500)
    .optional()
    .transform((text, context) => {
      if (!text) return undefined;
      const cursor = decodeRunCursor(text);
      if (!cursor) context.addIssue({ code: "custom", message: "Invalid cursor" });
      return cursor ?? z.NEVER;
    }),
  limit: z.coerce.number<string>().int().min(1).max(100).default(20),
  q: z.string().trim().max(500).optional(),
  model: z.string().max(100).optional(),
  status: z.enum(JOB_STATUSES).optional(),
  /** `starred=true`: only runs with a starred image. */
  starred: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true"),
});

export type ListRunsQuery = z.input<typeof listRunsQuerySchema>;
