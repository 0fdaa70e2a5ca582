import "server-only";
import type { NextRequest } from "next/server";
import { getDatabase } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { bearerTokenOf, hasSession, SIGN_IN_MESSAGE } from "./access-control";
import { enforceSignInRateLimit } from "./request-limits";

/**
 * The access check of every API route that needs a session (routeHandler({ access: "session" })):
 * the session cookie or the right bearer token. A wrong bearer token is a sign-in attempt: it counts
 * against the same limit as POST /api/session (429 beyond it), so a script cannot guess the token
 * faster than a person could type it; a right one counts against nothing.
 */
export async function requireSession(request: NextRequest): Promise<void> {
  if (hasSession(request)) return;
  if (bearerTokenOf(request) !== undefined) {
    await enforceSignInRateLimit((await getDatabase()).db, request);
    throw new AppError("unauthorized", "Wrong access token");
  }
  throw new AppError("unauthorized", SIGN_IN_MESSAGE);
}
