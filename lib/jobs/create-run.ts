import "server-only";
import { z } from "zod";
import { newId } from "@/lib/db/ids";
import type { Database } from "@/lib/db/client";
import { findRunByIdempotencyKey, insertRunWithJobs } from "@/lib/db/queries/runs";
import { findModel, type ModelDefinition } from "@/lib/models";
import type { CreateRunResponse } from "./run-view";

export const MAX_MODELS_PER_RUN = 6;

const modelRequestSchema = z.object({
  modelId: z.string().min(1, "Choose a model"),
  params: z.record(z.string(), z.unknown()).default({}),
  /** What the browser's shared-settings mapping could not honour, shown on the card. */
  notes: z.array(z.string().max(300)).max(10).default([]),
});

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
  .transform((body, context) => {
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
    if (body.prompt.length === 0) {
      context.addIssue({ code: "custom", path: ["prompt"], message: "Prompt is required" });
    } else if (body.prompt.length > promptMaxLength) {
      const limitedBy = models.find(({ model }) => model.promptMaxLength === promptMaxLength)?.model.name;
      context.addIssue({
        code: "custom",
        path: ["prompt"],
        message: `Prompt must be at most ${promptMaxLength} characters (limit of ${limitedBy})`,
      });
    }
    return context.issues.length > 0 ? z.NEVER : { prompt: body.prompt, models };
  });

export type CreateRunBody = z.input<typeof createRunBodySchema>;

export interface CreateRunInput {
  prompt: string;
  models: { model: ModelDefinition; params: Record<string, unknown>; notes: string[] }[];
}

export interface CreateRunOptions {
  /** Repeating a request with the same key returns the first run and creates no new jobs. */
  idempotencyKey?: string;
  /** Last check before a new run is stored (e.g. the daily budget); throws to refuse. Skipped for a repeat. */
  admit?: (input: CreateRunInput) => Promise<void>;
  now?: Date;
}

/** Inserts the run and one queued job per model in one transaction. Submitting is the runner's job. */
export async function createRun(
  db: Database,
  input: CreateRunInput,
  options: CreateRunOptions = {},
): Promise<CreateRunResponse> {
  const now = options.now ?? new Date();
  // A repeat must get its run back even if, say, the budget is spent by now (by that very run).
  const repeated = options.idempotencyKey ? await findRunByIdempotencyKey(db, options.idempotencyKey) : null;
  if (repeated) return repeated;
  await options.admit?.(input);
  const runId = newId();
  const jobRows = input.models.map(({ model, params, notes }, position) => ({
    id: newId(),
    runId,
    position,
    modelId: model.id,
    providerId: model.providerId,
    params,
    notes,
    status: "queued" as const,
    estimatedCostUsd: model.estimateCost(params),
    // Only the provider learns it (in the callback URL), so a callback cannot be forged for a job.
    callbackToken: newId(),
    nextAttemptAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  const created = await insertRunWithJobs(
    db,
    { id: runId, prompt: input.prompt, createdAt: now, idempotencyKey: options.idempotencyKey ?? null },
    jobRows,
  );
  if (created) return created;
  // Lost the race for this idempotency key: the winner's run is committed by now.
  const existing = options.idempotencyKey ? await findRunByIdempotencyKey(db, options.idempotencyKey) : null;
  if (!existing) throw new Error("Run insert was skipped without an existing run for its idempotency key");
  return existing;
}
