import "server-only";
import { isDatabaseUnavailable } from "@/lib/http/database-unavailable";
import type { Logger } from "@/lib/logger";
import { retryDelayMs, type RetryBackoff } from "../schedule";

/** Between tries of a write while the database is unreachable: a restart takes a second or two. */
export const DATABASE_RETRY_BACKOFF: RetryBackoff = { baseMs: 200, capMs: 2_000 };

/**
 * Stop this long before the lease is estimated to run out: the estimate is on this instance's
 * reading of the database clock, and the write itself takes a moment.
 */
const LEASE_MARGIN_MS = 1_000;

export interface BlipOptions {
  jobId: string;
  /** When this runner's lease on the job runs out, as far as it knows (on the `now` clock). */
  leaseUntil: () => number;
  now: () => Date;
  backoff: RetryBackoff;
  log: Logger;
}

/**
 * Writes what a step learnt, riding out a database blip (a restart, a failover, a short outage).
 * Above all a provider's answer to a create: it is paid for and cannot be asked for again, so it is
 * kept in memory and the write is tried again, with backoff, while the database is unreachable and
 * the lease still holds. Nobody else can take the job meanwhile, so nobody sends its create again
 * or gives it up. Past the lease another runner may, so the error goes on as before and the job
 * takes its usual course (a create whose answer was never written ends submit_outcome_unknown).
 */
export async function writeThroughBlips<T>(write: () => Promise<T>, options: BlipOptions): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const delayMs = retryDelayMs(attempt, undefined, Math.random, options.backoff);
      if (options.now().getTime() + delayMs >= options.leaseUntil() - LEASE_MARGIN_MS) {
        options.log.error("Database unavailable until the job's lease ran out; its step's result is lost", {
          jobId: options.jobId,
          attempts: attempt + 1,
          error,
        });
        throw error;
      }
      if (attempt === 0) {
        options.log.warn("Database unavailable: keeping a step's result and writing it again", {
          jobId: options.jobId,
          error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
