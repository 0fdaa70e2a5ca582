import { providerName, type ProviderId } from "@/lib/models/providers";
import { isProviderError } from "@/lib/providers/types";
import { isBlobStoreError } from "@/lib/storage/blob-store";
import { isImageDownloadError } from "../download-image";
import { nextPollDelayMs, type PollSchedule } from "../schedule";
import { isInvalidImageError } from "../store-image";
import type { JobFailure } from "./job-transitions";

/**
 * The retry and failure decisions of the runner's steps, as plain functions of an error and the
 * job's counters: what the steps do is tested here without a database or a provider.
 */

/**
 * Tries per step before a job is failed; each step resets the count when the job moves on. A store
 * that failed (disk full, bucket down) gets the most: with the default backoff (1 s doubling to
 * 30 s) 20 tries span about 8 minutes, time for someone to free space, and still within the life
 * of the provider's image URLs (the simulator's 10 min are the shortest; real ones last hours).
 */
export const MAX_ATTEMPTS = { submit: 5, poll: 10, download: 5, store: 20, unexpected: 5 } as const;

export type StepDecision =
  /**
   * Take the job again at `at`; `resubmit` re-opens the submit step after a definite refusal.
   * `note` tells the person watching what is going on while they wait.
   */
  { kind: "retry"; at: Date; note: string; resubmit?: boolean } | { kind: "fail"; failure: JobFailure };

export interface PolicyContext {
  providerId: string;
  /** Consecutive failed attempts of the current step so far. */
  attempts: number;
  deadlineAt: Date | null;
  now: Date;
  /** Backoff before the next try, never sooner than the provider's Retry-After. */
  retryDelayMs: (attempt: number, retryAfterSeconds?: number) => number;
}

const fail = (failure: JobFailure): StepDecision => ({ kind: "fail", failure });

/** "pixazo is not answering — retrying (3 of 10)": the count is the tries that failed so far. */
function retryNote(what: string, context: Pick<PolicyContext, "attempts">, limit: number): string {
  return `${what} — retrying (${context.attempts + 1} of ${limit})`;
}

const providerLabel = (context: Pick<PolicyContext, "providerId">) =>
  providerName(context.providerId as ProviderId);
const after = (now: Date, milliseconds: number) => new Date(now.getTime() + milliseconds);

export function pastDeadline(deadlineAt: Date | null, at: Date): boolean {
  return deadlineAt !== null && at.getTime() >= deadlineAt.getTime();
}

export function timeoutFailure(providerId: string, deadlineMs: number): JobFailure {
  const seconds = Math.round(deadlineMs / 1_000);
  const limit = seconds >= 60 ? `${Math.round(seconds / 60)} min` : `${seconds} s`;
  return { code: "timeout", message: `${providerId}: no result within ${limit}` };
}

const NOT_SENT_AGAIN = "Not sent again, to avoid paying twice.";

/** A create request was sent but its answer was never recorded: a crash, a lost lease, a database blip. */
export function lostCreateFailure(providerId: string): JobFailure {
  return {
    code: "submit_outcome_unknown",
    message: `${providerId}: Prism lost track of this request while the provider was working on it; the provider may have billed it. ${NOT_SENT_AGAIN}`,
  };
}

/**
 * A definite refusal is retried while it is retryable (e.g. 429) and time remains; the provider did
 * not take the job, so it did not bill it. Anything else (no answer, an unreadable answer) may have
 * started a paid job at the provider, so it is never sent again.
 */
export function decideSubmitError(error: unknown, context: PolicyContext): StepDecision {
  if (isProviderError(error) && !error.outcomeUnknown) {
    const retryAt = after(context.now, context.retryDelayMs(context.attempts, error.retryAfterSeconds));
    if (
      error.retryable &&
      context.attempts + 1 < MAX_ATTEMPTS.submit &&
      !pastDeadline(context.deadlineAt, retryAt)
    ) {
      const what =
        error.code === "rate_limited"
          ? `${providerLabel(context)} is limiting requests`
          : `${providerLabel(context)} is not answering properly`;
      return {
        kind: "retry",
        at: retryAt,
        resubmit: true,
        note: retryNote(what, context, MAX_ATTEMPTS.submit),
      };
    }
    return fail({ code: error.code, message: error.message, charged: false });
  }
  const reason = isProviderError(error)
    ? error.message
    : `${context.providerId}: no answer to the create request`;
  return fail({ code: "submit_outcome_unknown", message: `${reason}. ${NOT_SENT_AGAIN}` });
}

export type PendingDecision = { kind: "poll"; at: Date } | { kind: "fail"; failure: JobFailure };

/**
 * Still working at the provider: poll again on its schedule, or time out. The caller has polled
 * once more even past the deadline, so a job that finished meanwhile is not lost.
 */
export function decidePending(
  context: Pick<PolicyContext, "providerId" | "deadlineAt" | "now">,
  options: { schedule: PollSchedule; waitedMs: number; deadlineMs: number },
): PendingDecision {
  if (pastDeadline(context.deadlineAt, context.now)) {
    return { kind: "fail", failure: timeoutFailure(context.providerId, options.deadlineMs) };
  }
  return { kind: "poll", at: after(context.now, nextPollDelayMs(options.schedule, options.waitedMs)) };
}

/** A status check that failed: retried (never past the deadline) unless the provider said it is final. */
export function decidePollError(
  error: unknown,
  context: PolicyContext,
  options: { deadlineMs: number },
): StepDecision {
  if (isProviderError(error) && !error.retryable) {
    return fail({ code: error.code, message: error.message });
  }
  if (pastDeadline(context.deadlineAt, context.now)) {
    return fail(timeoutFailure(context.providerId, options.deadlineMs));
  }
  if (context.attempts + 1 >= MAX_ATTEMPTS.poll) {
    const message = isProviderError(error)
      ? error.message
      : `${context.providerId}: status check kept failing`;
    return fail({ code: "poll_failed", message });
  }
  const retryAfter = isProviderError(error) ? error.retryAfterSeconds : undefined;
  const retryAt = Math.min(
    context.now.getTime() + context.retryDelayMs(context.attempts, retryAfter),
    context.deadlineAt?.getTime() ?? Infinity,
  );
  return {
    kind: "retry",
    at: new Date(retryAt),
    note: retryNote(`${providerLabel(context)} is not answering`, context, MAX_ATTEMPTS.poll),
  };
}

/**
 * A download or store that failed. Returns null for an error this step does not know, which the
 * runner then treats as unexpected (see decideUnexpectedError).
 */
export function decideDownloadError(error: unknown, context: PolicyContext): StepDecision | null {
  if (isInvalidImageError(error)) {
    return fail({ code: "invalid_image", message: `${context.providerId}: returned ${error.message}` });
  }
  const retry = (what: string, limit: number): StepDecision => ({
    kind: "retry",
    at: after(context.now, context.retryDelayMs(context.attempts)),
    note: retryNote(what, context, limit),
  });
  // The store failed (bucket unreachable, disk full): no image row was written, so a later attempt
  // downloads again and stores the same bytes under the same keys. The job says why in a few words;
  // the store's own message (which bucket, which key) stays in the log.
  if (isBlobStoreError(error)) {
    if (context.attempts + 1 < MAX_ATTEMPTS.store) {
      return retry(`Prism cannot store the image (${error.reason})`, MAX_ATTEMPTS.store);
    }
    return fail({ code: "storage_unavailable", message: `Prism could not store the image: ${error.reason}` });
  }
  const lastAttempt = context.attempts + 1 >= MAX_ATTEMPTS.download;
  if (!isImageDownloadError(error)) return null;
  if (error.retryable && !lastAttempt) {
    return retry(`Downloading the images from ${providerLabel(context)} failed`, MAX_ATTEMPTS.download);
  }
  return fail({ code: error.code, message: error.message });
}

/** Anything unexpected (a database hiccup, a deleted run): try again later, but not forever. */
export function decideUnexpectedError(context: PolicyContext): StepDecision {
  if (context.attempts + 1 >= MAX_ATTEMPTS.unexpected) {
    return fail({ code: "internal_error", message: "Prism could not finish this job" });
  }
  return {
    kind: "retry",
    at: after(context.now, context.retryDelayMs(context.attempts)),
    note: retryNote("Something went wrong in Prism", context, MAX_ATTEMPTS.unexpected),
  };
}
