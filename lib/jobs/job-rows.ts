import "server-only";
import type { RunConfigInput } from "@/lib/api/run-requests";
import { newId } from "@/lib/db/ids";
import type { NewJobRow } from "@/lib/db/schema";
import { seedToSend } from "@/lib/models/seeds";
import { providerEndpoint } from "@/lib/providers/registry";
import { estimateJobCost } from "@/lib/spend/estimate";

export interface CellJob {
  runId: string;
  prompt: string;
  promptIndex: number;
  configIndex: number;
  take: number;
  /** Order within the run: rows, then columns, then takes. */
  position: number;
  config: Pick<RunConfigInput, "model" | "params" | "notes">;
  /** The run's locked seed, or null for a fresh random one. */
  lockedSeed: number | null;
  now: Date;
}

/** A queued job for one cell of a matrix; its params carry the seed it will send. */
export function cellJobRow(cell: CellJob): NewJobRow {
  const { model, params, notes } = cell.config;
  const seed = seedToSend(model, params, cell.lockedSeed);
  const sent = seed === null ? params : { ...params, seed };
  const estimate = estimateJobCost(model, sent);
  return {
    id: newId(),
    runId: cell.runId,
    position: cell.position,
    promptIndex: cell.promptIndex,
    configIndex: cell.configIndex,
    take: cell.take,
    prompt: cell.prompt,
    seed,
    modelId: model.id,
    providerId: model.providerId,
    providerEndpoint: providerEndpoint(model.providerId),
    params: sent,
    notes,
    status: "queued",
    estimatedCostUsd: estimate.usd,
    costAssumed: estimate.assumed,
    // Only the provider learns it (in the callback URL), so a callback cannot be forged for a job.
    callbackToken: newId(),
    nextAttemptAt: cell.now,
    createdAt: cell.now,
    updatedAt: cell.now,
  };
}
