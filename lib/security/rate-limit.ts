import "server-only";
import type { Database } from "@/lib/db/client";
import { takeRateLimitToken } from "@/lib/db/queries/rate-limits";

/**
 * A token bucket per key: `perMinute` requests in a burst, refilled evenly over a minute. The
 * buckets live in the database, so every instance on it shares one limit.
 */

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): Promise<RateDecision>;
}

export interface RateLimiterOptions {
  /** Names the limit, so several limits keep separate buckets for one client. */
  name: string;
  perMinute: number;
  /** Tests only; the database clock otherwise. */
  now?: () => Date;
}

export function createRateLimiter(db: Database, { name, perMinute, now }: RateLimiterOptions): RateLimiter {
  const refillPerSecond = perMinute / 60;
  return {
    async take(key) {
      const { allowed, tokens } = await takeRateLimitToken(db, `${name}:${key}`, perMinute, now?.());
      if (allowed) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerSecond)) };
    },
  };
}
