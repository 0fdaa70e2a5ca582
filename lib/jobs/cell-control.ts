import "server-only";
import type { JobView } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import { cancelUnfinishedJob, insertNextTake, markChosenTake } from "@/lib/db/queries/cells";
import { recordIdempotencyKey, type IdempotencyClaim } from "@/lib/db/queries/idempotency-keys";
import { getJob } from "@/lib/db/queries/jobs";
import { listImagesOfJob } from "@/lib/db/queries/images";
import { AppError } from "@/lib/errors";
import { findModel } from "@/lib/models/catalog";
import type { JobStatus } from "@/lib/models/job-status";
import { providerName } from "@/lib/models/providers";
import type { ProviderId } from "@/lib/models/types";
import { forgetRun } from "@/lib/runs/finished-run-cache";
import type { JobCostEstimate } from "@/lib/spend/estimate";
import { toJobView } from "@/lib/views/to-views";
import { repeatedRequest } from "./idempotency";
import { cellJobRow } from "./job-rows";

const noSuchJob = () => new AppError("not_found", "No job with this id");

export interface RerunOptions {
  /**
   * Last check before the take is stored (the daily budget), inside the transaction that stores
   * it; throws to refuse.
   */
  admit?: (transaction: Database, estimate: JobCostEstimate) => Promise<void>;
  /** The request's Idempotency-Key, scoped to its caller: a repeat gets the take the first one made. */
  idempotency?: Omit<IdempotencyClaim, "request">;
  now?: Date;
}

/**
 * Retry (a failed or canceled job) or another take (a succeeded one): a new queued job in the same
 * cell, with the same prompt and parameters. The seed is the run's locked one, or the one set on
 * the model's own form, else a fresh random one. Submitting is the runner's job.
 */
export async function rerunJob(db: Database, jobId: string, options: RerunOptions = {}): Promise<JobView> {
  const now = options.now ?? new Date();
  const claim = options.idempotency && { ...options.idempotency, request: { job: jobId } };
  const repeated = claim && (await repeatedRequest(db, claim));
  if (repeated) return takeView(db, repeated);
  const created = await insertNextTake(db, jobId, async (source, transaction) => {
    const { job, run, take, position, unfinished } = source;
    // Under the run's lock: a repeat that raced the first request finds its key here.
    const raced = claim && (await repeatedRequest(transaction, claim));
    if (raced) return { existingJobId: raced };
    // One paid take at a time per cell: a double click or ten tabs start one, not ten.
    if (unfinished) {
      throw new AppError(
        "take_in_progress",
        `Take ${unfinished.take} of this cell is still ${unfinished.status}: wait for it to finish, or cancel it, before running the cell again.`,
      );
    }
    const model = findModel(job.modelId);
    if (!model)
      throw new AppError("conflict", `${job.modelId} is no longer offered, so it cannot run again.`);
    const config = run.configs[job.configIndex] ?? { params: job.params, notes: job.notes };
    const row = cellJobRow({
      runId: run.id,
      prompt: job.prompt,
      promptIndex: job.promptIndex,
      configIndex: job.configIndex,
      take,
      position,
      config: { model, params: config.params, notes: config.notes },
      lockedSeed: run.seed,
      now,
    });
    await options.admit?.(transaction, { usd: row.estimatedCostUsd ?? 0, assumed: row.costAssumed ?? false });
    if (claim && !(await recordIdempotencyKey(transaction, claim, row.id!, now))) {
      throw new AppError(
        "conflict",
        "A request with this Idempotency-Key is being handled: try again shortly.",
      );
    }
    return row;
  });
  if (!created) throw noSuchJob();
  if ("existingJobId" in created) return takeView(db, created.existingJobId);
  // The database moved the run's version and announces it; this instance's copy goes at once.
  forgetRun(created.runId);
  return toJobView(created, []);
}

/** A take as it is now, for a repeated request. */
async function takeView(db: Database, jobId: string): Promise<JobView> {
  const job = await getJob(db, jobId);
  if (!job) throw noSuchJob();
  return toJobView(job, await listImagesOfJob(db, jobId));
}

function cancelNotes(providerId: ProviderId) {
  const provider = providerName(providerId);
  return {
    notSent: {
      code: "canceled",
      message: `Canceled before it was sent to ${provider}: nothing was charged.`,
    },
    sent: {
      code: "canceled_running",
      message: `Canceled while ${provider} was working on it: Prism stopped asking for the result, but ${provider} may still finish the job and bill it.`,
    },
  };
}

const FINISHED: Partial<Record<JobStatus, string>> = {
  succeeded: "already succeeded",
  failed: "already failed",
  canceled: "was already canceled",
};

/**
 * Cancels a queued or running job. A queued one never reaches the provider; a running one is not
 * asked about again, and whatever the runner was doing with it is dropped (see
 * lib/db/queries/cells.ts cancelUnfinishedJob).
 */
export async function cancelJob(db: Database, jobId: string, now = new Date()): Promise<JobView> {
  const job = await getJob(db, jobId);
  if (!job) throw noSuchJob();
  const canceled = await cancelUnfinishedJob(db, jobId, now, cancelNotes(job.providerId));
  if (!canceled) {
    const current = await getJob(db, jobId);
    if (!current) throw noSuchJob();
    throw new AppError(
      "conflict",
      `This job ${FINISHED[current.status] ?? "has finished"}: there is nothing to cancel.`,
    );
  }
  forgetRun(canceled.runId);
  return toJobView(canceled, await listImagesOfJob(db, jobId));
}

/**
 * "Use this take": the job becomes the take that counts for its cell (lib/models/takes.ts) on every
 * page and export. Only a succeeded take can count; choosing it again is harmless.
 */
export async function chooseTake(db: Database, jobId: string, now = new Date()): Promise<JobView> {
  const chosen = await markChosenTake(db, jobId, now);
  if (!chosen) {
    const current = await getJob(db, jobId);
    if (!current) throw noSuchJob();
    throw new AppError(
      "conflict",
      `Take ${current.take} is ${current.status}: only a take with images can be the one that counts.`,
    );
  }
  forgetRun(chosen.runId);
  return toJobView(chosen, await listImagesOfJob(db, jobId));
}
