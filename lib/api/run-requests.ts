import { z } from "zod";
import { findModel } from "@/lib/models/catalog";
import { JOB_STATUSES } from "@/lib/models/job-status";
import { configurationLabels } from "@/lib/labels/params";
import { RUN_LIMITS, tooManyJobs } from "@/lib/labels/run-size";
import { paramFields } from "@/lib/models/param-fields";
import { inputImageNotes, inputShortfall } from "@/lib/models/input-notes";
import { promptSchema } from "@/lib/models/params";
import { expandPromptVariants } from "@/lib/models/prompt-variants";
import { providerName } from "@/lib/models/providers";
import { MAX_CONFIGURATIONS_PER_RUN, MAX_INPUTS_PER_RUN, MAX_PROMPTS_PER_RUN } from "@/lib/models/run-limits";
import { MAX_SEED_VALUE } from "@/lib/models/seeds";
import type { ModelDefinition } from "@/lib/models/types";
import { cursorParam } from "./cursor-param";
import { decodeRunCursor } from "./run-cursor";
import { MAX_RUN_WAIT_SECONDS } from "./run-wait";

/** Isomorphic: the requests of /api/runs. The server parses with these; the hooks type with z.input. */

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
const MAX_LABEL_LENGTH = 80;
/** A Variants text: a line per prompt, each at most a long prompt, with room for its alternatives. */
const MAX_PROMPT_TEXT_LENGTH = 40_000;

const modelRequestSchema = z.object({
  modelId: z.string().min(1, "Choose a model"),
  params: z.record(z.string(), z.unknown()).default({}),
  /** What the browser's shared-settings mapping could not honour, shown on the card. */
  notes: z.array(z.string().max(300)).max(10).default([]),
  /** The column's name; by default the model's name and what differs from its other columns. */
  label: z.string().trim().max(MAX_LABEL_LENGTH).optional(),
});

/** A configuration as the server stores it: the model resolved, its params parsed with defaults. */
export interface RunConfigInput {
  model: ModelDefinition;
  params: Record<string, unknown>;
  notes: string[];
  label: string;
}

/** A run as the server stores it: every prompt × every configuration. */
export interface CreateRunInput {
  /** The first prompt. */
  prompt: string;
  prompts: string[];
  models: RunConfigInput[];
  /** Locked for every model that takes a seed, or null for a random seed per job. */
  seed: number | null;
  /** Input ids in order, as sent; the server checks they exist (POST /api/inputs made them). */
  inputs: string[];
  /** The Variants text the prompts were expanded from, kept for Edit & re-run; null when not sent. */
  promptText: string | null;
  /** The run this one was edited from, as sent (the run may since have been deleted). */
  editedFrom: string | null;
}

type Issues = { addIssue(issue: { code: "custom"; path: PropertyKey[]; message: string }): void };

function parseConfigs(requests: z.output<typeof modelRequestSchema>[], context: Issues) {
  const parsed: Omit<RunConfigInput, "label">[] = [];
  requests.forEach((request, position) => {
    const model = findModel(request.modelId);
    if (!model) {
      context.addIssue({
        code: "custom",
        path: ["models", position, "modelId"],
        message: `Unknown model: ${request.modelId}`,
      });
      return;
    }
    const result = model.params.safeParse(request.params);
    if (!result.success) {
      for (const issue of result.error.issues) {
        context.addIssue({
          code: "custom",
          path: ["models", position, "params", ...issue.path],
          message: issue.message,
        });
      }
      return;
    }
    parsed.push({ model, params: result.data, notes: request.notes });
  });
  return parsed;
}

/** Each prompt fits every model it goes to; the message names the model that sets the limit. */
function checkPrompts(prompts: string[], path: PropertyKey[], models: ModelDefinition[], context: Issues) {
  // Math.min() of nothing is Infinity: with no valid model, only emptiness is checked.
  const limit = Math.min(...models.map((model) => model.promptMaxLength));
  const strictest = models.find((model) => model.promptMaxLength === limit);
  // With the provider: two providers serve a "Z-Image Turbo", and only one of them stops at 800.
  const schema = promptSchema(
    limit,
    strictest && `${strictest.name} (${providerName(strictest.providerId)})`,
  );
  prompts.forEach((prompt, index) => {
    const at = path[0] === "prompt" ? path : [...path, index];
    for (const issue of schema.safeParse(prompt).error?.issues ?? []) {
      context.addIssue({ code: "custom", path: at, message: issue.message });
    }
  });
}

/**
 * The body of POST /api/runs: one or more prompts (rows) × one or more configurations
 * (columns). `{ prompt }` is a one-row run. Each model's params are validated with that model's own
 * schema, so issues name the exact field ("models.0.params.num_images"); each prompt against every
 * model it goes to ("prompts.2"). The output carries parsed params with defaults applied.
 */
export const createRunBodySchema = z
  .object({
    // Emptiness and length are checked in the transform: zod skips it once a field has failed,
    // and every problem in the body should be reported at once.
    prompt: z.string().trim().optional(),
    prompts: z
      .array(z.string().trim())
      .min(1, "Write at least one prompt")
      .max(MAX_PROMPTS_PER_RUN, RUN_LIMITS.prompts)
      .optional(),
    models: z
      .array(modelRequestSchema)
      .min(1, "Choose at least one model")
      .max(MAX_CONFIGURATIONS_PER_RUN, RUN_LIMITS.configurations),
    seed: z.number().int().min(0).max(MAX_SEED_VALUE).nullable().default(null),
    inputs: z
      .array(z.string().min(1).max(100))
      .min(1, "Give at least one input image, or leave inputs out")
      .max(MAX_INPUTS_PER_RUN, RUN_LIMITS.inputs)
      .optional(),
    promptText: z.string().max(MAX_PROMPT_TEXT_LENGTH).optional().meta({
      description:
        "The Variants text the prompts were expanded from (`a {red|blue} fox`), stored so Edit & re-run loads it back; it must expand to exactly `prompts`.",
    }),
    editedFrom: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: "The id of the run this one was edited from: its view then says what changed." }),
  })
  .transform((body, context): CreateRunInput => {
    const configs = parseConfigs(body.models, context);
    const inputCount = body.inputs?.length ?? 0;
    configs.forEach((config, position) => {
      const shortfall = inputShortfall(config.model.name, config.model.inputImages, inputCount);
      if (shortfall)
        context.addIssue({ code: "custom", path: ["models", position, "modelId"], message: shortfall });
      const notes = inputImageNotes(config.model.name, config.model.inputImages, inputCount);
      config.notes = [...config.notes.filter((note) => !notes.includes(note)), ...notes];
    });
    const [prompts, path] = body.prompts ? [body.prompts, ["prompts"]] : [[body.prompt ?? ""], ["prompt"]];
    checkPrompts(
      prompts,
      path,
      configs.map((config) => config.model),
      context,
    );
    const tooMany = tooManyJobs(prompts.length, body.models.length);
    if (tooMany) context.addIssue({ code: "custom", path, message: tooMany });
    if (body.promptText !== undefined && !expandsTo(body.promptText, prompts))
      context.addIssue({
        code: "custom",
        path: ["promptText"],
        message: "The prompt text does not expand to the prompts sent",
      });
    if (context.issues.length > 0) return z.NEVER;
    const labels = configurationLabels(
      configs.map((config, index) => ({
        ...config,
        fields: paramFields(config.model),
        label: body.models[index]?.label,
      })),
    );
    return {
      prompt: prompts[0]!,
      prompts,
      models: configs.map((config, index) => ({ ...config, label: labels[index]! })),
      seed: body.seed,
      inputs: body.inputs ?? [],
      promptText: body.promptText ?? null,
      editedFrom: body.editedFrom ?? null,
    };
  });

/** A Variants text stands for these prompts exactly (trimmed, in order). */
function expandsTo(text: string, prompts: readonly string[]): boolean {
  const rows = expandPromptVariants(text, MAX_PROMPTS_PER_RUN);
  return (
    rows.ok &&
    rows.prompts.length === prompts.length &&
    rows.prompts.every((row, index) => row === prompts[index])
  );
}

export type CreateRunBody = z.input<typeof createRunBodySchema>;

/** The Idempotency-Key header of POST /api/runs and /api/jobs/:id/rerun: a repeat gets what the first request made. */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .max(MAX_IDEMPOTENCY_KEY_LENGTH, `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`)
  .optional()
  .transform((key) => key || undefined);

/** GET /api/runs?cursor&limit&q&model&status: history, newest first. */
export const listRunsQuerySchema = z.object({
  cursor: cursorParam(decodeRunCursor),
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

/** GET /api/runs/:id?wait=N: with If-None-Match, answer when the run changes or after N seconds. */
export const readRunQuerySchema = z.object({
  wait: z.coerce.number<string>().int().min(0).max(MAX_RUN_WAIT_SECONDS).default(0),
});
