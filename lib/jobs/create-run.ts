import "server-only";
import type { CreateRunInput } from "@/lib/api/run-requests";
import type { CreateRunResponse } from "@/lib/api/views";
import { newId } from "@/lib/db/ids";
import type { Database } from "@/lib/db/client";
import { findRunByIdempotencyKey, insertRunWithJobs } from "@/lib/db/queries/runs";
import { estimateJobCost } from "@/lib/spend/estimate";

export interface CreateRunOptions {
  /** Repeating a request with the same key returns the first run and creates no new jobs. */
  idempotencyKey?: string;
  /**
   * Last check before a new run is stored (the daily budget), inside the transaction that stores
   * it; throws to refuse. Skipped for a repeat.
   */
  admit?: (transaction: Database, input: CreateRunInput) => Promise<void>;
  now?: Date;
}

/** Inserts the run and one queued job per model in one transaction. Submitting is the runner's job. */
export async function createRun(
  db: Database,
  input: CreateRunInput,
  options: CreateRunOptions = {},
): Promise<CreateRunResponse> {
  const { admit } = options;
  const now = options.now ?? new Date();
  // A repeat must get its run back even if, say, the budget is spent by now (by that very run).
  const repeated = options.idempotencyKey ? await findRunByIdempotencyKey(db, options.idempotencyKey) : null;
  if (repeated) return repeated;
  const runId = newId();
  const jobRows = input.models.map(({ model, params, notes }, position) => {
    const estimate = estimateJobCost(model, params);
    return {
      id: newId(),
      runId,
      position,
      modelId: model.id,
      providerId: model.providerId,
      params,
      notes,
      status: "queued" as const,
      estimatedCostUsd: estimate.usd,
      costAssumed: estimate.assumed,
      // Only the provider learns it (in the callback URL), so a callback cannot be forged for a job.
      callbackToken: newId(),
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    };
  });
  const created = await insertRunWithJobs(
    db,
    { id: runId, prompt: input.prompt, createdAt: now, idempotencyKey: options.idempotencyKey ?? null },
    jobRows,
    admit && ((transaction) => admit(transaction, input)),
  );
  if (created) return created;
  // Lost the race for this idempotency key: the winner's run is committed by now.
  const existing = options.idempotencyKey ? await findRunByIdempotencyKey(db, options.idempotencyKey) : null;
  if (!existing) throw new Error("Run insert was skipped without an existing run for its idempotency key");
  return existing;
}
