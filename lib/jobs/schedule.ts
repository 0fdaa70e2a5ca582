import type { ProviderId } from "@/lib/models/types";

/** How often to ask a provider about a pending job: starts at `initialMs`, eases to `maxMs`. */
export interface PollSchedule {
  initialMs: number;
  maxMs: number;
}

/** shortapi and pixazo document no rate for polling; these stay well inside their limits. */
export const PROVIDER_POLL_SCHEDULES: Record<ProviderId, PollSchedule> = {
  shortapi: { initialMs: 2_000, maxMs: 5_000 },
  pixazo: { initialMs: 3_000, maxMs: 5_000 },
  // Synchronous in practice; only reached if an adapter ever returns a pending DashScope task.
  dashscope: { initialMs: 2_000, maxMs: 5_000 },
};

/** The simulator answers in milliseconds, so waiting seconds would only slow tests and demos. */
export const SIMULATED_POLL_SCHEDULE: PollSchedule = { initialMs: 300, maxMs: 1_000 };

/** The interval grows by a tenth of the time already waited: 2 s at first, 5 s after half a minute. */
export function nextPollDelayMs(schedule: PollSchedule, waitedMs: number): number {
  return Math.min(schedule.maxMs, schedule.initialMs + Math.max(0, waitedMs) / 10);
}

/** Backoff between retries of a failed step: `baseMs` doubling per attempt, at most `capMs`. */
export interface RetryBackoff {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { baseMs: 1_000, capMs: 30_000 };

/**
 * Exponential backoff with ±20% jitter (so instances that failed together do not retry together),
 * but never sooner than the provider's Retry-After.
 */
export function retryDelayMs(
  attempt: number,
  retryAfterSeconds?: number,
  random: () => number = Math.random,
  backoff: RetryBackoff = DEFAULT_RETRY_BACKOFF,
): number {
  const exponential = Math.min(backoff.capMs, backoff.baseMs * 2 ** attempt);
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1_000);
}
