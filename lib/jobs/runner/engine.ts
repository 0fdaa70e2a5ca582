import "server-only";
import {
  claimDueJobs,
  nextDueTime,
  pollRetriesNow,
  releaseAllLeases,
  releaseLeasesOf,
  updateLeasedJob,
} from "@/lib/db/queries/jobs";
import type { JobRow, NewJobRow } from "@/lib/db/schema";
import { logger as defaultLogger } from "@/lib/logger";
import type { ProviderId } from "@/lib/models/types";
import { providerPollSchedule, retryDelayMs } from "../schedule";
import { claimOrder, freeSlotsOf, providerSlots, type InFlightCounts } from "./bulkheads";
import { jobTransitions } from "./job-transitions";
import { startLeaseHeartbeat, type HeldLease } from "./lease-heartbeat";
import { writeThroughBlips } from "./outcome-write";
import { runStep } from "./run-step";
import { policyContext, type StepContext } from "./step-context";
import { decideUnexpectedError } from "./step-policy";
import { RUNNER_DEFAULTS, type JobRunner, type JobRunnerDependencies, type JobRunnerOptions } from "./types";

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
  const settings = { ...RUNNER_DEFAULTS, ...options };
  const log = dependencies.logger ?? defaultLogger;
  const limits = {
    total: settings.maxConcurrentJobs,
    slots: providerSlots(settings.maxConcurrentJobs, options.providerConcurrency),
  };
  const inFlight = new Map<string, HeldLease & { providerId: ProviderId; step: Promise<void> }>();
  let running = false;
  let shuttingDown = false;
  let claimRound = 0;
  let wakeTimer: NodeJS.Timeout | undefined;
  let wakeAt = Number.POSITIVE_INFINITY;
  let heartbeat: NodeJS.Timeout | undefined;
  let activeTick: Promise<number> | undefined;
  let tickAgain = false;
  // Providers that failed a step here since their last good answer: only their answers wake retries.
  const troubled = new Set<ProviderId>();

  const later = (milliseconds: number) => new Date(now().getTime() + milliseconds);

  // Each write rides out a database blip while the lease holds (./outcome-write.ts). One that changes
  // what a reader sees (it sets updated_at: job-transitions.ts) moves the run's version, and the
  // database announces it to every instance's watchers.
  const write = (job: JobRow, changes: Partial<NewJobRow>) =>
    writeThroughBlips(() => updateLeasedJob(db, job.id, ownerId, changes), {
      jobId: job.id,
      leaseUntil: () => inFlight.get(job.id)?.leaseUntil ?? 0,
      now,
      backoff: settings.databaseRetryBackoff,
      log,
    });

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
          // What this step learnt is dropped: the job is another runner's now, or it was canceled.
          log.warn("Lost the lease of a job (taken over or canceled); its step's result is dropped", {
            jobId: job.id,
          });
          return;
        }
        job = updated;
        if (outcome.changes.retryNote) troubled.add(job.providerId);
        else if (outcome.providerAnswered && troubled.delete(job.providerId)) await wakeRetries(job);
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

  /** The provider answers again: its jobs waiting out a failed poll try now (pollRetriesNow). */
  async function wakeRetries(job: JobRow): Promise<void> {
    const at = now();
    try {
      const { providerId, providerEndpoint: endpoint } = job;
      if ((await pollRetriesNow(db, { providerId, endpoint, now: at })) > 0) scheduleWake(at);
    } catch (error) {
      log.error("Could not wake a provider's retries", { error });
    }
  }

  function inFlightCounts(): InFlightCounts {
    const counts: InFlightCounts = {};
    for (const { providerId } of inFlight.values()) counts[providerId] = (counts[providerId] ?? 0) + 1;
    return counts;
  }

  /** Claims for each provider within its free slots; a provider whose slots are full waits alone. */
  async function claimAndStart(): Promise<number> {
    let started = 0;
    claimRound += 1;
    for (const providerId of claimOrder(claimRound)) {
      if (shuttingDown) break;
      const limit = freeSlotsOf(providerId, limits, inFlightCounts());
      if (limit === 0) continue;
      const endpoint = dependencies.providerEndpoint?.(providerId);
      // No key here: another instance that has one works on these (an instance never takes a job it cannot do).
      if (endpoint === null) continue;
      // Taken before the claim: the lease the database sets ends no sooner than this.
      const leaseUntil = now().getTime() + settings.leaseMs;
      const claimed = await claimDueJobs(db, {
        owner: ownerId,
        now: now(),
        leaseMs: settings.leaseMs,
        limit,
        providerId,
        endpoint,
      });
      for (const job of claimed) {
        const step = processJob(job).finally(() => inFlight.delete(job.id));
        inFlight.set(job.id, { providerId, step, leaseUntil });
      }
      started += claimed.length;
    }
    return started;
  }

  const steps = () => [...inFlight.values()].map((entry) => entry.step);

  async function settle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled(steps());
  }

  function stopClaiming(): Promise<unknown> | undefined {
    running = false;
    clearTimeout(wakeTimer);
    wakeTimer = undefined;
    return activeTick?.catch(() => undefined);
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

  /**
   * When to look next: the earliest job that fell due after the last look began, so nothing waits
   * for the idle interval because this runner did not schedule it (another instance released it,
   * or a wake-up fired a moment early: Node's timers run on the loop's cached clock, and a job not
   * quite due when its claim looked may be overdue once the look is over). A job already due then
   * and still unclaimed was left on purpose (its provider's slots are full, or another instance
   * holds it): the step that frees a slot wakes the runner.
   */
  async function nextLookAt(lookedAt: Date): Promise<Date | undefined> {
    if (!running) return undefined;
    return (await nextDueTime(db, { claimableAfter: lookedAt })) ?? undefined;
  }

  function wake(): void {
    wakeTimer = undefined;
    wakeAt = Number.POSITIVE_INFINITY;
    const lookedAt = now();
    tick()
      .then(() => nextLookAt(lookedAt))
      .then(scheduleWake, (error: unknown) => {
        log.error("Runner tick failed", { error });
        scheduleWake();
      });
  }

  return {
    async start() {
      if (running) return;
      if (settings.releaseStaleLeases) await releaseAllLeases(db);
      running = true;
      heartbeat = startLeaseHeartbeat({ db, ownerId, now, log, leaseMs: settings.leaseMs, held: inFlight });
      log.info("Job runner started", { ownerId });
      wake();
    },

    async stop() {
      clearInterval(heartbeat);
      await stopClaiming();
      await settle();
    },

    async shutdown(graceMs) {
      shuttingDown = true;
      await stopClaiming();
      let graceTimer: NodeJS.Timeout | undefined;
      const graceOver = new Promise((resolve) => (graceTimer = setTimeout(resolve, graceMs)));
      await Promise.race([settle(), graceOver]);
      clearTimeout(graceTimer);
      clearInterval(heartbeat);
      const unfinished = inFlight.size;
      const released = await releaseLeasesOf(db, ownerId);
      log.info("Job runner stopped", { ownerId, unfinished, released });
      return unfinished;
    },

    poke() {
      if (running) scheduleWake(now());
    },

    tick,
    settle,
  };
}
