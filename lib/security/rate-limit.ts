/**
 * A token bucket per key, in this process's memory: `perMinute` requests in a burst, refilled
 * evenly over a minute. Several app instances would each allow that much; a shared limit would
 * need a shared store (e.g. PostgreSQL or Redis).
 */

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(key: string): RateDecision;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Bounds memory when many addresses pass by; the oldest bucket goes first. */
const MAX_KEYS = 10_000;

export function createRateLimiter(options: { perMinute: number; now?: () => number }): RateLimiter {
  const { perMinute, now = Date.now } = options;
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  return {
    take(key) {
      const time = now();
      const previous = buckets.get(key);
      const tokens = previous
        ? Math.min(perMinute, previous.tokens + (time - previous.updatedAt) * refillPerMs)
        : perMinute;
      buckets.delete(key);
      if (buckets.size >= MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
      if (tokens >= 1) {
        buckets.set(key, { tokens: tokens - 1, updatedAt: time });
        return { allowed: true };
      }
      buckets.set(key, { tokens, updatedAt: time });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
    },
  };
}
