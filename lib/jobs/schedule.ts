import type { ProviderId } from "@/lib/models/providers";
import { providerDescriptor } from "@/lib/providers/descriptors";
import { providerStatus } from "@/lib/providers/registry";
import type { PollSchedule } from "@/lib/providers/types";

export type { PollSchedule } from "@/lib/providers/types";

/** The simulator answers in milliseconds, so waiting seconds would only slow tests and demos. */
export const SIMULATED_POLL_SCHEDULE: PollSchedule = { initialMs: 300, maxMs: 1_000 };

/** The provider's own schedule (from its descriptor), or the simulator's when it points there. */
export function providerPollSchedule(providerId: ProviderId): PollSchedule {
  return providerStatus(providerId).simulated
    ? SIMULATED_POLL_SCHEDULE
    : providerDescriptor(providerId).pollSchedule;
}

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
