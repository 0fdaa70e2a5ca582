import "server-only";
import type { NextRequest } from "next/server";
import { runsPerMinute, trustProxy } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "./client-address";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

/** Enough for typos, too few to guess a token. */
const SIGN_INS_PER_MINUTE = 10;
/** A reviewer changing their mind a few times a minute, not a script stuffing the ballot box. */
const VOTES_PER_MINUTE = 30;

/** On globalThis so dev-mode module reloading keeps the counts. */
const globalForLimits = globalThis as typeof globalThis & { prismRateLimiters?: Map<string, RateLimiter> };

function limiterFor(name: string, perMinute: number): RateLimiter {
  const limiters = (globalForLimits.prismRateLimiters ??= new Map());
  const key = `${name}:${perMinute}`;
  const existing = limiters.get(key);
  if (existing) return existing;
  const created = createRateLimiter({ perMinute });
  limiters.set(key, created);
  return created;
}

function enforce(request: NextRequest, name: string, perMinute: number, what: string): void {
  if (perMinute <= 0) return;
  const decision = limiterFor(name, perMinute).take(clientAddress(request.headers, trustProxy()));
  if (decision.allowed) return;
  const seconds = decision.retryAfterSeconds;
  throw new AppError(
    "rate_limited",
    `Too many ${what}: at most ${perMinute} a minute. Try again in ${seconds} s.`,
    {
      headers: { "Retry-After": String(seconds) },
    },
  );
}

/** PRISM_RATE_LIMIT_PER_MINUTE runs per client; throws 429 with Retry-After beyond it. */
export function enforceRunRateLimit(request: NextRequest): void {
  enforce(request, "runs", runsPerMinute(), "new runs");
}

export function enforceSignInRateLimit(request: NextRequest): void {
  enforce(request, "sign-in", SIGN_INS_PER_MINUTE, "sign-in attempts");
}

/** Ballots on public share links, per client. */
export function enforceVoteRateLimit(request: NextRequest): void {
  enforce(request, "votes", VOTES_PER_MINUTE, "votes");
}
