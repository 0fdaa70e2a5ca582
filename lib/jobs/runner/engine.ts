import "server-only";
import type { Database } from "@/lib/db/client";
import { claimDueJobs, releaseAllLeases, renewLeases, updateLeasedJob } from "@/lib/db/queries/jobs";
import type { JobRow, NewJobRow } from "@/lib/db/schema";
import { logger as defaultLogger, type Logger } from "@/lib/logger";
import type { ProviderId } from "@/lib/models/types";
import type { ImageProvider } from "@/lib/providers/types";
import type { BlobStore } from "@/lib/storage/blob-store";
import type { FetchImage } from "../download-image";
import {
  DEFAULT_RETRY_BACKOFF,
  providerPollSchedule,
  retryDelayMs,
  type PollSchedule,
  type RetryBackoff,
} from "../schedule";
import { jobTransitions } from "./job-transitions";
import { runStep } from "./run-step";
import { policyContext, type StepContext } from "./step-context";
import { decideUnexpectedError } from "./step-policy";

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
  /** Called after every write to a job, e.g. to tell watchers of its run that it changed. */
  onJobChanged?: (runId: string) => void;
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

/**
 * The in-process job runner's engine: claiming, leases, waking up and the lifecycle. Work lives in
 * the database, not in memory: each step (./run-step.ts) is done under a lease and ends by writing
 * the job's next state and when it is due, then releasing the lease. Any runner (this one after a
 * restart, or another instance) can therefore continue any job, and each job runs in its own
 * promise so one slow provider never holds up another.
 */
export function createJobRunner(
  dependencies: JobRunnerDependencies,
  options: JobRunnerOptions = {},
): JobRunner {
  const { db, getProvider, now, ownerId } = dependencies;
  const settings = { ...DEFAULTS, ...options };
  const log = dependencies.logger ?? defaultLogger;
  const inFlight = new Map<string, Promise<void>>();
  let running = false;
  let wakeTimer: NodeJS.Timeout | undefined;
  let wakeAt = Number.POSITIVE_INFINITY;
  let heartbeat: NodeJS.Timeout | undefined;
  let activeTick: Promise<number> | undefined;
  let tickAgain = false;

  const later = (milliseconds: number) => new Date(now().getTime() + milliseconds);

  async function write(job: JobRow, changes: Partial<NewJobRow>): Promise<JobRow | null> {
    const updated = await updateLeasedJob(db, job.id, ownerId, changes);
    if (updated) dependencies.onJobChanged?.(updated.runId);
    return updated;
  }

  const context: StepContext = {
    db,
    blobStore: dependencies.blobStore,
    fetchImage: dependencies.fetchImage,
    now,
    log,
    pollSchedule: dependencies.pollSchedule ?? providerPollSchedule,
    callbackUrl: dependencies.callbackUrl,
    retryDelayMs: (attempt, retryAfterSeconds) =>
      retryDelayMs(attempt, retryAfterSeconds, Math.random, settings.retryBackoff),
    deadlineMs: settings.deadlineMs,
    submitTimeoutMs: settings.submitTimeoutMs,
    pollTimeoutMs: settings.pollTimeoutMs,
    write,
  };

  /** Runs steps back to back while each says so, then releases the lease. */
  async function processJob(claimed: JobRow): Promise<void> {
    let job = claimed;
    try {
      for (;;) {
        const outcome = await runStep(job, getProvider, context);
        if (!outcome) return;
        const release = outcome.continueNow ? {} : jobTransitions.released();
        const updated = await write(job, { ...outcome.changes, ...release });
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
      log.error("Job step failed unexpectedly", { jobId: job.id, error });
      const decision = decideUnexpectedError(policyContext(job, context));
      const changes =
        decision.kind === "fail"
          ? jobTransitions.failed(now(), decision.failure)
          : jobTransitions.retryLater(job, now(), decision.at);
      await write(job, { ...changes, ...jobTransitions.released() }).catch((writeError: unknown) =>
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
