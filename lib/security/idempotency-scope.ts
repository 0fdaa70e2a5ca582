import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import { idempotencyKeySchema } from "@/lib/api/run-requests";
import { trustProxy } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { accessControlEnabled, bearerTokenOf } from "./access-control";
import { clientAddress } from "./client-address";
import { SESSION_COOKIE } from "./session-cookie";

/**
 * Whose an Idempotency-Key is: the bearer token's or the signed-in session's (by a digest, never the
 * token or the cookie itself), else
 * the client address's. Another caller's key is another key, so nobody can fetch someone else's
 * run, or block their request, by sending the same key.
 */
export function idempotencyScope(request: NextRequest): string {
  // Past routeHandler's access check, a bearer token is the right one: every script holding it is one caller.
  const bearer = accessControlEnabled() ? bearerTokenOf(request) : undefined;
  if (bearer) return `bearer:${createHash("sha256").update(bearer).digest("base64url")}`;
  const session = accessControlEnabled() ? request.cookies.get(SESSION_COOKIE)?.value : undefined;
  if (session) return `session:${createHash("sha256").update(session).digest("base64url")}`;
  return `address:${clientAddress(request.headers, trustProxy())}`;
}

/** The request's Idempotency-Key (400 when malformed) with its scope, for `route`; undefined without one. */
export function idempotencyOf(request: NextRequest, route: string) {
  const key = idempotencyKeySchema.safeParse(request.headers.get("idempotency-key") ?? undefined);
  if (!key.success) throw new AppError("bad_request", key.error.issues[0]!.message);
  return key.data === undefined ? undefined : { scope: idempotencyScope(request), route, key: key.data };
}
