import "server-only";
import type { Database } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { insertImage, listImagesOfJob } from "@/lib/db/queries/images";
import {
  claimDueJobs,
  getPromptOfRun,
  releaseAllLeases,
  renewLeases,
  updateLeasedJob,
} from "@/lib/db/queries/jobs";
import type { JobRow, NewJobRow } from "@/lib/db/schema";
import { logger as defaultLogger, type Logger } from "@/lib/logger";
import { findModel } from "@/lib/models";
import type { ProviderId } from "@/lib/models/types";
import { ProviderError, type ImageProvider } from "@/lib/providers/types";
import { BlobStoreError, type BlobStore } from "@/lib/storage/blob-store";
import { ImageDownloadError, type FetchImage } from "./download-image";
import { jobTransitions, phaseOf, type JobFailure } from "./job-state";
import {
  DEFAULT_RETRY_BACKOFF,
  nextPollDelayMs,
  providerPollSchedule,
  retryDelayMs,
  type PollSchedule,
  type RetryBackoff,
} from "./schedule";
import { InvalidImageError, storeImage } from "./store-image";

export interface JobRunnerDependencies {
  db: Database;
  blobStore: BlobStore;
  /** Null when the provider has no key configured. */
  getProvider: (providerId: ProviderId) => ImageProvider | null;
  fetchImage: FetchImage;
  now: () => Date;
  /** Unique per runner instance; written into the leases it takes. */
  ownerId: string;
  pollSchedule?: (providerId: ProviderId) => PollSchedule;
  /** Where the provider may notify us about this job (PUBLIC_URL set), or undefined. */
  callbackUrl?: (job: JobRow) => string | undefined;
  logger?: Logger;
}

export interface JobRunnerOptions {
  /** How long a claim stays valid without renewal; a crashed runner's jobs return after this. */
  leaseMs?: number;
  /** From the first submit until a job still pending at its provider is given up. */
  deadlineMs?: number;
  maxConcurrentJobs?: number;
  /** Longest sleep between two looks for due work (other instances may have created some). */
  idleIntervalMs?: number;
  /** For an exclusive database: drop leases left by an earlier process at start. */
  releaseStaleLeases?: boolean;
  /** Backstops for adapters that never answer. A submit cut off here counts as outcome unknown. */
  submitTimeoutMs?: number;
  pollTimeoutMs?: number;
  retryBackoff?: RetryBackoff;
}

export interface JobRunner {
  /** Starts the background loop. Idempotent. */
  start(): Promise<void>;
  /** Stops taking work and waits for the steps in flight. */
  stop(): Promise<void>;
  /** Look for due work now, e.g. right after a run was created. */
  poke(): void;
  /** Claims due jobs and starts one step for each; resolves once they are claimed, not finished. */
  tick(): Promise<number>;
  /** Resolves when every step in flight has finished. */
  settle(): Promise<void>;
}

const DEFAULTS = {
  leaseMs: 30_000,
  deadlineMs: 5 * 60_000,
  maxConcurrentJobs: 16,
  idleIntervalMs: 2_000,
  releaseStaleLeases: false,
  submitTimeoutMs: 180_000,
  pollTimeoutMs: 60_000,
  retryBackoff: DEFAULT_RETRY_BACKOFF,
} satisfies Required<JobRunnerOptions>;

const MAX_ATTEMPTS = { submit: 5, poll: 10, download: 5, unexpected: 5 } as const;

/** The result of one phase: what to write, and whether the next phase may start immediately. */
interface PhaseOutcome {
  changes: Partial<NewJobRow>;
  continueNow: boolean;
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The in-process job runner. Work lives in the database, not in memory: each step claims a job
 * with a lease, does one piece of work (submit, one poll, the downloads), writes the next state and
 * when it is due, and releases the lease. Any runner (this one after a restart, or another
 * instance) can therefore continue any job, and each job runs in its own promise so one slow
 * provider never holds up another.
 */
export function createJobRunner(
  dependencies: JobRunnerDependencies,
  options: JobRunnerOptions = {},
): JobRunner {
  const { db, blobStore, getProvider, fetchImage, now, ownerId } = dependencies;
  const settings = { ...DEFAULTS, ...options };
  const log = dependencies.logger ?? defaultLogger;
  const pollSchedule = dependencies.pollSchedule ?? providerPollSchedule;
  const inFlight = new Map<string, Promise<void>>();
  let running = false;
  let wakeTimer: NodeJS.Timeout | undefined;
  let wakeAt = Number.POSITIVE_INFINITY;
  let heartbeat: NodeJS.Timeout | undefined;
  let activeTick: Promise<number> | undefined;
  let tickAgain = false;

  const later = (milliseconds: number) => new Date(now().getTime() + milliseconds);
  const backoff = (attempt: number, retryAfterSeconds?: number) =>
    retryDelayMs(attempt, retryAfterSeconds, Math.random, settings.retryBackoff);

  function fail(job: JobRow, failure: JobFailure): PhaseOutcome {
    log.info("Job failed", {
      jobId: job.id,
      modelId: job.modelId,
      code: failure.code,
      reason: failure.message,
    });
    return { changes: jobTransitions.failed(now(), failure), continueNow: false };
  }

  function pastDeadline(job: JobRow, at: Date = now()): boolean {
    return job.deadlineAt !== null && at.getTime() >= job.deadlineAt.getTime();
  }

  async function submitPhase(job: JobRow, provider: ImageProvider): Promise<PhaseOutcome> {
    const model = findModel(job.modelId);
    const prompt = await getPromptOfRun(db, job.runId);
    if (!model || prompt === null) {
      return fail(job, {
        code: "unknown_model",
        message: `${job.modelId}: this model is no longer offered`,
        charged: false,
      });
    }
    const marked = await updateLeasedJob(
      db,
      job.id,
      ownerId,
      jobTransitions.submitting(job, now(), settings.deadlineMs),
    );
    if (!marked) return { changes: {}, continueNow: false };
    try {
      const result = await withTimeout(
        provider.submit({
          modelId: job.modelId,
          prompt,
          params: job.params,
          callbackUrl: dependencies.callbackUrl?.(job),
        }),
        settings.submitTimeoutMs,
      );
      if (result.state === "done") {
        return {
          changes: jobTransitions.outputsReady(now(), result.outputs, result.costUsd, result.providerJobId),
          continueNow: true,
        };
      }
      const firstPoll = later(pollSchedule(provider.id).initialMs);
      return { changes: jobTransitions.accepted(now(), result, firstPoll), continueNow: false };
    } catch (error) {
      if (error instanceof ProviderError && !error.outcomeUnknown) {
        const delay = backoff(job.attempts, error.retryAfterSeconds);
        const retryAt = later(delay);
        if (error.retryable && job.attempts + 1 < MAX_ATTEMPTS.submit && !pastDeadline(marked, retryAt)) {
          log.warn("Submit refused, retrying", { jobId: job.id, code: error.code, delayMs: delay });
          return {
            changes: jobTransitions.retryLater(job, now(), retryAt, { resubmit: true }),
            continueNow: false,
          };
        }
        // A definite refusal: the provider did not take the job, so it did not bill it.
        return fail(job, { code: error.code, message: error.message, charged: false });
      }
      // No answer, or an answer we could not read: the provider may have started (and billed) the job.
      log.warn("Submit outcome unknown", { jobId: job.id, error });
      const reason =
        error instanceof ProviderError ? error.message : `${job.providerId}: no answer to the create request`;
      return fail(job, {
        code: "submit_outcome_unknown",
        message: `${reason}. Not sent again, to avoid paying twice.`,
      });
    }
  }

  async function pollPhase(job: JobRow, provider: ImageProvider): Promise<PhaseOutcome> {
    const providerJobId = job.providerJobId ?? "";
    try {
      const result = await withTimeout(
        provider.poll({ modelId: job.modelId, providerJobId, pollingUrl: job.pollingUrl ?? undefined }),
        settings.pollTimeoutMs,
      );
      if (result.state === "succeeded") {
        return {
          changes: jobTransitions.outputsReady(now(), result.outputs, result.costUsd),
          continueNow: true,
        };
      }
      if (result.state === "failed") {
        return fail(job, {
          code: result.error.code,
          message: result.error.message,
          charged: result.error.charged,
        });
      }
      // Polled once more even past the deadline, so a job that finished meanwhile is not lost.
      if (pastDeadline(job)) return timedOut(job);
      const waited = now().getTime() - (job.submittedAt ?? job.createdAt).getTime();
      const nextPoll = later(nextPollDelayMs(pollSchedule(provider.id), waited));
      return { changes: jobTransitions.pollLater(now(), nextPoll), continueNow: false };
    } catch (error) {
      const retryable = !(error instanceof ProviderError) || error.retryable;
      if (!retryable)
        return fail(job, { code: (error as ProviderError).code, message: (error as ProviderError).message });
      if (pastDeadline(job)) return timedOut(job);
      if (job.attempts + 1 >= MAX_ATTEMPTS.poll) {
        const message =
          error instanceof ProviderError ? error.message : `${job.providerId}: status check kept failing`;
        return fail(job, { code: "poll_failed", message });
      }
      log.warn("Poll failed, retrying", { jobId: job.id, error });
      const retryAfter = error instanceof ProviderError ? error.retryAfterSeconds : undefined;
      const retryAt = Math.min(
        later(backoff(job.attempts, retryAfter)).getTime(),
        job.deadlineAt?.getTime() ?? Infinity,
      );
      return { changes: jobTransitions.retryLater(job, now(), new Date(retryAt)), continueNow: false };
    }
  }

  function timedOut(job: JobRow): PhaseOutcome {
    const seconds = Math.round(settings.deadlineMs / 1_000);
    const limit = seconds >= 60 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
    return fail(job, { code: "timeout", message: `${job.providerId}: no result within ${limit}` });
  }

  /**
   * The blob store failed (bucket unreachable, disk full): no image row was written, so a later
   * attempt stores the same bytes under the same keys. The log names the store; the job does not.
   */
  function storeFailed(job: JobRow, error: BlobStoreError): PhaseOutcome {
    if (job.attempts + 1 < MAX_ATTEMPTS.download) {
      log.warn("Could not store an image, retrying", { jobId: job.id, reason: error.message });
      return {
        changes: jobTransitions.retryLater(job, now(), later(backoff(job.attempts))),
        continueNow: false,
      };
    }
    log.error("Could not store an image, giving up", { jobId: job.id, reason: error.message });
    return fail(job, {
      code: "storage_unavailable",
      message: `${job.providerId}: the image could not be stored (storage unavailable)`,
    });
  }

  async function downloadPhase(job: JobRow): Promise<PhaseOutcome> {
    const outputs = job.providerOutputs ?? [];
    if (outputs.length === 0) {
      return fail(job, {
        code: "no_images",
        message: `${job.providerId}: finished without returning an image`,
      });
    }
    const stored = new Set((await listImagesOfJob(db, job.id)).map((image) => image.index));
    try {
      for (const [index, output] of outputs.entries()) {
        if (stored.has(index)) continue;
        const bytes = await fetchImage(output.url, { providerId: job.providerId as ProviderId });
        const image = await storeImage(blobStore, bytes);
        await insertImage(db, {
          id: newId(),
          jobId: job.id,
          runId: job.runId,
          index,
          ...image,
          createdAt: now(),
        });
      }
    } catch (error) {
      if (error instanceof InvalidImageError) {
        return fail(job, { code: "invalid_image", message: `${job.providerId}: returned ${error.message}` });
      }
      if (error instanceof BlobStoreError) return storeFailed(job, error);
      if (!(error instanceof ImageDownloadError)) throw error;
      if (error.retryable && job.attempts + 1 < MAX_ATTEMPTS.download) {
        log.warn("Image download failed, retrying", { jobId: job.id, code: error.code });
        return {
          changes: jobTransitions.retryLater(job, now(), later(backoff(job.attempts))),
          continueNow: false,
        };
      }
      return fail(job, { code: error.code, message: error.message });
    }
    return { changes: jobTransitions.succeeded(job, now()), continueNow: false };
  }

  async function runPhase(job: JobRow): Promise<PhaseOutcome | null> {
    const phase = phaseOf(job);
    if (phase === "finished") return null;
    if (phase === "unknown-submit") {
      return fail(job, {
        code: "submit_outcome_unknown",
        message: `${job.providerId}: the app stopped while the create request was in flight. Not sent again, to avoid paying twice.`,
      });
    }
    if (phase === "download") return downloadPhase(job);
    const provider = getProvider(job.providerId as ProviderId);
    if (!provider) {
      return fail(job, {
        code: "provider_unavailable",
        message: `${job.providerId}: no API key configured`,
        charged: false,
      });
    }
    return phase === "submit" ? submitPhase(job, provider) : pollPhase(job, provider);
  }

  /** Runs phases back to back while each says so, then releases the lease. */
  async function processJob(claimed: JobRow): Promise<void> {
    let job = claimed;
    try {
      for (;;) {
        const outcome = await runPhase(job);
        if (!outcome) return;
        const release = outcome.continueNow ? {} : jobTransitions.released();
        const updated = await updateLeasedJob(db, job.id, ownerId, { ...outcome.changes, ...release });
        if (!updated) {
          log.warn("Lost the lease of a job; another runner has it now", { jobId: job.id });
          return;
        }
        job = updated;
        if (!outcome.continueNow) {
          scheduleWake(job.nextAttemptAt);
          return;
        }
      }
    } catch (error) {
      // Anything unexpected (a database hiccup, a deleted run): try again later, but not forever.
      log.error("Job step failed unexpectedly", { jobId: job.id, error });
      const changes =
        job.attempts + 1 >= MAX_ATTEMPTS.unexpected
          ? jobTransitions.failed(now(), {
              code: "internal_error",
              message: "Prism could not finish this job",
            })
          : jobTransitions.retryLater(job, now(), later(backoff(job.attempts)));
      await updateLeasedJob(db, job.id, ownerId, { ...changes, ...jobTransitions.released() }).catch(
        (writeError: unknown) =>
          log.error("Could not record a job's failure", { jobId: job.id, error: writeError }),
      );
    }
  }

  async function claimAndStart(): Promise<number> {
    const capacity = settings.maxConcurrentJobs - inFlight.size;
    const claimed = await claimDueJobs(db, {
      owner: ownerId,
      now: now(),
      leaseMs: settings.leaseMs,
      limit: capacity,
    });
    for (const job of claimed) {
      const step = processJob(job).finally(() => inFlight.delete(job.id));
      inFlight.set(job.id, step);
    }
    return claimed.length;
  }

  /** Ticks never overlap; a request for one during another runs right after it. */
  function tick(): Promise<number> {
    if (activeTick) {
      tickAgain = true;
      return activeTick;
    }
    activeTick = claimAndStart().finally(() => {
      activeTick = undefined;
      if (tickAgain) {
        tickAgain = false;
        void tick().catch((error: unknown) => log.error("Runner tick failed", { error }));
      }
    });
    return activeTick;
  }

  function scheduleWake(at: Date = later(settings.idleIntervalMs)): void {
    if (!running) return;
    const target = Math.min(at.getTime(), now().getTime() + settings.idleIntervalMs);
    if (wakeTimer && target >= wakeAt) return;
    clearTimeout(wakeTimer);
    wakeAt = target;
    wakeTimer = setTimeout(wake, Math.max(0, target - now().getTime()));
  }

  function wake(): void {
    wakeTimer = undefined;
    wakeAt = Number.POSITIVE_INFINITY;
    tick()
      .catch((error: unknown) => log.error("Runner tick failed", { error }))
      .finally(() => scheduleWake());
  }

  return {
    async start() {
      if (running) return;
      if (settings.releaseStaleLeases) await releaseAllLeases(db);
      running = true;
      heartbeat = setInterval(() => {
        renewLeases(db, ownerId, [...inFlight.keys()], later(settings.leaseMs)).catch((error: unknown) =>
          log.error("Lease renewal failed", { error }),
        );
      }, settings.leaseMs / 3);
      heartbeat.unref();
      log.info("Job runner started", { ownerId });
      wake();
    },

    async stop() {
      running = false;
      clearTimeout(wakeTimer);
      clearInterval(heartbeat);
      wakeTimer = undefined;
      await activeTick?.catch(() => undefined);
      await this.settle();
    },

    poke() {
      if (running) scheduleWake(now());
    },

    tick,

    async settle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
    },
  };
}
