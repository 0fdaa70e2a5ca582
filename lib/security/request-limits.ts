import "server-only";
import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import type { Database } from "@/lib/db/client";
import { runsPerMinute, trustProxy } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "./client-address";
import { createRateLimiter } from "./rate-limit";

/** Enough for typos, too few to guess a token. */
const SIGN_INS_PER_MINUTE = 10;
/** A reviewer changing their mind a few times a minute, not a script stuffing the ballot box. */
const VOTES_PER_MINUTE = 30;

async function enforce(
  db: Database,
  request: NextRequest,
  name: string,
  perMinute: number,
  what: string,
): Promise<void> {
  if (perMinute <= 0) return;
  const decision = await createRateLimiter(db, { name, perMinute }).take(
    clientAddress(request.headers, trustProxy()),
  );
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

/** PRISM_RATE_LIMIT_PER_MINUTE runs per client, across every instance; throws 429 with Retry-After beyond it. */
export function enforceRunRateLimit(db: Database, request: NextRequest): Promise<void> {
  return enforce(db, request, "runs", runsPerMinute(), "new runs");
}

export function enforceSignInRateLimit(db: Database, request: NextRequest): Promise<void> {
  return enforce(db, request, "sign-in", SIGN_INS_PER_MINUTE, "sign-in attempts");
}

/** Ballots on public share links, per client. */
export function enforceVoteRateLimit(db: Database, request: NextRequest): Promise<void> {
  return enforce(db, request, "votes", VOTES_PER_MINUTE, "votes");
}

/** A digest of the client's address, for limits kept in rows (the address itself is not stored). */
export function clientKeyOf(request: NextRequest): string {
  return createHash("sha256")
    .update(`prism-client:${clientAddress(request.headers, trustProxy())}`)
    .digest("base64url")
    .slice(0, 22);
}
