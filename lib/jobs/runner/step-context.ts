import "server-only";
import type { Database } from "@/lib/db/client";
import type { JobRow, NewJobRow } from "@/lib/db/schema";
import type { Logger } from "@/lib/logger";
import type { ProviderId } from "@/lib/models/types";
import type { BlobStore } from "@/lib/storage/blob-store";
import type { FetchImage } from "../download-image";
import type { PollSchedule } from "../schedule";
import { jobTransitions, type JobFailure } from "./job-transitions";
import type { PolicyContext, StepDecision } from "./step-policy";

/** What a step needs from the runner that runs it. */
export interface StepContext {
  db: Database;
  blobStore: BlobStore;
  fetchImage: FetchImage;
  now: () => Date;
  log: Logger;
  pollSchedule: (providerId: ProviderId) => PollSchedule;
  callbackUrl?: (job: JobRow) => string | undefined;
  retryDelayMs: (attempt: number, retryAfterSeconds?: number) => number;
  deadlineMs: number;
  submitTimeoutMs: number;
  pollTimeoutMs: number;
  /** Writes to a job while this runner holds its lease; null once the lease is lost. */
  write: (job: JobRow, changes: Partial<NewJobRow>) => Promise<JobRow | null>;
}

/** The result of one step: what to write, and whether the next step may start at once. */
export interface StepOutcome {
  changes: Partial<NewJobRow>;
  continueNow: boolean;
  /** The provider's API gave a good answer (accepted, pending, done or a definite failure). */
  providerAnswered?: boolean;
}

export function policyContext(job: JobRow, context: StepContext): PolicyContext {
  return {
    providerId: job.providerId,
    attempts: job.attempts,
    deadlineAt: job.deadlineAt,
    now: context.now(),
    retryDelayMs: context.retryDelayMs,
  };
}

export function failJob(job: JobRow, failure: JobFailure, context: StepContext): StepOutcome {
  context.log.info("Job failed", {
    jobId: job.id,
    modelId: job.modelId,
    code: failure.code,
    reason: failure.message,
  });
  return { changes: jobTransitions.failed(context.now(), failure), continueNow: false };
}

/** Turns a policy decision into the write that carries it out. */
export function applyDecision(
  job: JobRow,
  decision: StepDecision,
  context: StepContext,
  logMessage: string,
  logFields: Record<string, unknown> = {},
): StepOutcome {
  if (decision.kind === "fail") return failJob(job, decision.failure, context);
  context.log.warn(logMessage, { jobId: job.id, retryAt: decision.at.toISOString(), ...logFields });
  return {
    changes: jobTransitions.retryLater(job, context.now(), decision.at, {
      resubmit: decision.resubmit,
      note: decision.note,
    }),
    continueNow: false,
  };
}

/** The error's code, when it has one, for a log line. */
export function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** Backstop for adapters that never answer. */
export class StepTimeoutError extends Error {}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeoutError(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
