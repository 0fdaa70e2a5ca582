import "server-only";
import type { CreateRunInput, RunConfigInput } from "@/lib/api/run-requests";
import type { InputRow } from "@/lib/db/input-schema";
import { downscaleNotes } from "@/lib/models/input-notes";
import type { CreateRunResponse } from "@/lib/api/views";
import { newId } from "@/lib/db/ids";
import { cellJobRow } from "./job-rows";
import type { Database } from "@/lib/db/client";
import type { IdempotencyClaim } from "@/lib/db/queries/idempotency-keys";
import { getInputsByIds, linkRunInputs } from "@/lib/db/queries/inputs";
import { findCreatedRun, insertRunWithJobs } from "@/lib/db/queries/runs";
import { AppError } from "@/lib/errors";
import { repeatedRequest } from "./idempotency";
import { inputUnavailableReason } from "./input-references";

export interface CreateRunOptions {
  /**
   * The request's Idempotency-Key, scoped to its caller: repeating a request with the same key
   * returns the first run and creates no new jobs; another request with it is a 422.
   */
  idempotency?: Omit<IdempotencyClaim, "request">;
  /**
   * Last check before a new run is stored (the daily budget), inside the transaction that stores
   * it; throws to refuse. Skipped for a repeat.
   */
  admit?: (transaction: Database, input: CreateRunInput) => Promise<void>;
  now?: Date;
}

/**
 * Inserts the run and one queued job per prompt × configuration in one transaction. Submitting is
 * the runner's job.
 */
export async function createRun(
  db: Database,
  input: CreateRunInput,
  options: CreateRunOptions = {},
): Promise<CreateRunResponse> {
  const { admit } = options;
  const now = options.now ?? new Date();
  const claim = options.idempotency && { ...options.idempotency, request: runRequest(input) };
  // A repeat must get its run back even if, say, the budget is spent by now (by that very run).
  const repeated = claim && (await repeatedRequest(db, claim));
  if (repeated) return findCreatedRun(db, repeated);
  checkInputsReachable(input);
  const inputRows = await checkInputsExist(db, input.inputs);
  input = { ...input, models: input.models.map((config) => withDownscaleNotes(config, inputRows)) };
  const runId = newId();
  const columns = input.models.length;
  const jobRows = input.prompts.flatMap((prompt, promptIndex) =>
    input.models.map((config, configIndex) =>
      cellJobRow({
        runId,
        prompt,
        promptIndex,
        configIndex,
        take: 1,
        position: promptIndex * columns + configIndex,
        config,
        lockedSeed: input.seed,
        now,
      }),
    ),
  );
  const created = await insertRunWithJobs(
    db,
    {
      id: runId,
      prompt: input.prompt,
      prompts: input.prompts,
      configs: input.models.map(({ model, params, label, notes }) => ({
        modelId: model.id,
        params,
        label,
        notes,
      })),
      seed: input.seed,
      promptText: input.promptText,
      editedFromRunId: input.editedFrom,
      createdAt: now,
    },
    jobRows,
    async (transaction) => {
      await linkRunInputs(transaction, runId, input.inputs);
      await admit?.(transaction, input);
    },
    claim,
  );
  if (created) return created;
  // Lost the race for this idempotency key: the winner's run is committed by now.
  const existing = claim && (await repeatedRequest(db, claim));
  if (!existing) throw new Error("Run insert was skipped without an existing run for its idempotency key");
  return findCreatedRun(db, existing);
}

/** What a run request asks for, as compared between two requests under one Idempotency-Key. */
function runRequest(input: CreateRunInput): Record<string, unknown> {
  return {
    prompts: input.prompts,
    models: input.models.map(({ model, params, label, notes }) => ({
      modelId: model.id,
      params,
      label,
      notes,
    })),
    seed: input.seed,
    inputs: input.inputs,
    // Only when sent: a key's first request, recorded by an older build, compares equal without them.
    ...(input.promptText !== null ? { promptText: input.promptText } : {}),
    ...(input.editedFrom !== null ? { editedFrom: input.editedFrom } : {}),
  };
}

/** An edit model whose provider cannot fetch the inputs here is refused up front, never a failed job. */
function checkInputsReachable(input: CreateRunInput): void {
  const issues = input.models.flatMap(({ model }, index) => {
    const reason = input.inputs.length > 0 ? inputUnavailableReason(model) : undefined;
    return reason ? [{ path: `models.${index}.modelId`, message: `${model.name} ${reason}` }] : [];
  });
  if (issues.length > 0)
    throw new AppError("invalid_input", "The request body has invalid fields", { issues });
}

/** A configuration's notes with what its provider gets smaller than uploaded. */
function withDownscaleNotes(config: RunConfigInput, inputs: readonly InputRow[]): RunConfigInput {
  const notes = downscaleNotes(config.model.name, config.model.inputImages, inputs);
  return notes.length === 0 ? config : { ...config, notes: [...config.notes, ...notes] };
}

/** Every input id names a stored input, else 422 naming each unknown one ("inputs.0"); the rows in order. */
async function checkInputsExist(db: Database, inputIds: readonly string[]): Promise<InputRow[]> {
  const rows = await getInputsByIds(db, inputIds);
  const found = new Set(rows.map((row) => row.id));
  const issues = inputIds.flatMap((id, index) =>
    found.has(id)
      ? []
      : [{ path: `inputs.${index}`, message: `No input image with id ${id}; upload it again` }],
  );
  if (issues.length > 0)
    throw new AppError("invalid_input", "The request body has invalid fields", { issues });
  return rows;
}
