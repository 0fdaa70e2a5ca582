import type { JobRow, NewJobRow } from "@/lib/db/schema";
import type { ProviderOutput } from "@/lib/providers/types";
import { isTerminal } from "@/lib/models/job-status";

/**
 * The runner's view of a job, derived from its columns only, so that whatever a crash left behind
 * in the database says exactly what to do next:
 * - submit: nothing was sent yet (or the last send was definitely refused);
 * - unknown-submit: a create request was sent but its answer never got recorded;
 * - poll: the provider accepted the job and has not finished it;
 * - download: the provider finished; its images still have to be stored;
 * - finished: terminal.
 */
export type JobPhase = "submit" | "unknown-submit" | "poll" | "download" | "finished";

export function phaseOf(
  job: Pick<JobRow, "status" | "providerOutputs" | "providerJobId" | "submittedAt">,
): JobPhase {
  if (isTerminal(job.status)) return "finished";
  if (job.providerOutputs) return "download";
  if (job.providerJobId) return "poll";
  if (job.submittedAt) return "unknown-submit";
  return "submit";
}

export interface JobFailure {
  code: string;
  /** Readable on the card, e.g. "pixazo: insufficient balance (402)". */
  message: string;
  /** False when the provider certainly did not bill (never sent, refused, refunded); the budget then counts 0. */
  charged?: boolean;
}

type JobChanges = Partial<NewJobRow>;

const priceChanged = (job: JobRow, costUsd: number | undefined) =>
  costUsd !== undefined && costUsd !== job.costUsd;

/**
 * Sets updated_at, which moves the run's version (its ETag: a database trigger, see runs.version),
 * only when a write changes what a reader sees: every new version wakes every tab watching the run,
 * and costs each of them a request.
 */
const newsWhen = (visible: boolean, now: Date): JobChanges => (visible ? { updatedAt: now } : {});

/** Every write the runner makes to a job goes through one of these. */
export const jobTransitions = {
  /** Recorded before the create request leaves, so a crash mid-request is never resent. */
  submitting(job: JobRow, now: Date, deadlineMs: number): JobChanges {
    return {
      status: "running",
      submittedAt: now,
      startedAt: job.startedAt ?? now,
      deadlineAt: job.deadlineAt ?? new Date(now.getTime() + deadlineMs),
      updatedAt: now,
    };
  },

  /** The provider took the job: news to readers only for a price or a retry note cleared. */
  accepted(
    job: JobRow,
    now: Date,
    accepted: { providerJobId: string; pollingUrl?: string; costUsd?: number },
    firstPollAt: Date,
  ): JobChanges {
    return {
      providerJobId: accepted.providerJobId,
      pollingUrl: accepted.pollingUrl ?? null,
      ...(accepted.costUsd !== undefined ? { costUsd: accepted.costUsd } : {}),
      attempts: 0,
      retryNote: null,
      nextAttemptAt: firstPollAt,
      ...newsWhen(priceChanged(job, accepted.costUsd) || job.retryNote !== null, now),
    };
  },

  /**
   * The provider is done; downloading starts right away because its URLs expire. Readers see the
   * job succeed once its images are stored; until then only a price, a revised prompt or a retry
   * note cleared is news.
   */
  outputsReady(
    job: JobRow,
    now: Date,
    outputs: ProviderOutput[],
    costUsd: number | undefined,
    extra: { providerJobId?: string; revisedPrompt?: string } = {},
  ): JobChanges {
    const { providerJobId, revisedPrompt } = extra;
    return {
      providerOutputs: outputs,
      ...(providerJobId ? { providerJobId } : {}),
      ...(revisedPrompt ? { revisedPrompt } : {}),
      ...(costUsd !== undefined ? { costUsd } : {}),
      attempts: 0,
      retryNote: null,
      nextAttemptAt: now,
      ...newsWhen(priceChanged(job, costUsd) || Boolean(revisedPrompt) || job.retryNote !== null, now),
    };
  },

  /** Still working at the provider: look again later. */
  pollLater(job: JobRow, now: Date, nextAttemptAt: Date): JobChanges {
    // Nothing anyone sees changed, so the run's version (ETag) stays and no watcher is woken; only
    // clearing a retry note is news.
    return { attempts: 0, nextAttemptAt, ...(job.retryNote ? { retryNote: null, updatedAt: now } : {}) };
  },

  /** A retryable error. `resubmit` re-opens the submit step after a definite refusal (e.g. 429). */
  retryLater(
    job: JobRow,
    now: Date,
    nextAttemptAt: Date,
    options: { resubmit?: boolean; note?: string } = {},
  ): JobChanges {
    return {
      attempts: job.attempts + 1,
      nextAttemptAt,
      retryNote: options.note ?? null,
      ...(options.resubmit ? { submittedAt: null } : {}),
      updatedAt: now,
    };
  },

  succeeded(job: JobRow, now: Date): JobChanges {
    return {
      status: "succeeded",
      // What the provider reported, or else the published price the estimate is based on (an
      // assumed price stays an estimate: nobody reported it).
      costUsd: job.costUsd ?? (job.costAssumed ? null : job.estimatedCostUsd),
      errorCode: null,
      errorMessage: null,
      retryNote: null,
      finishedAt: now,
      updatedAt: now,
    };
  },

  failed(now: Date, failure: JobFailure): JobChanges {
    return {
      status: "failed",
      errorCode: failure.code,
      errorMessage: failure.message,
      retryNote: null,
      ...(failure.charged === false ? { costUsd: 0 } : {}),
      finishedAt: now,
      updatedAt: now,
    };
  },

  /** Ends a step: the job is free for whichever runner finds it due next. */
  released(): JobChanges {
    return { leaseOwner: null, leaseUntil: null };
  },
};
