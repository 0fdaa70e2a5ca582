import type { NextRequest } from "next/server";
import { accessToken } from "@/lib/env";
import { isValidSession, SESSION_COOKIE, tokenMatches } from "./session-cookie";

/**
 * Which pages need a session when PRISM_ACCESS_TOKEN is set (proxy.ts). API routes declare their
 * own access on routeHandler({ access }), which checks it with hasSession.
 */

export const SIGN_IN_MESSAGE = "Sign in with the access token first";

/** Share pages and what they load are public, as are the sign-in page, the API reference and the usual robot files. */
const PUBLIC_PREFIXES = ["/g/", "/_next/"];
const PUBLIC_PATHS = new Set(["/sign-in", "/favicon.ico", "/robots.txt", "/docs/api"]);

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

export function accessControlEnabled(): boolean {
  return accessToken() !== undefined;
}

/**
 * The token of `Authorization: Bearer <token>` (empty when the scheme is there without one), or
 * undefined without that header: how scripts sign in, with no cookie to keep.
 */
export function bearerTokenOf(request: NextRequest): string | undefined {
  const match = /^Bearer(?:\s+(.*))?$/i.exec(request.headers.get("authorization")?.trim() ?? "");
  return match ? (match[1] ?? "").trim() : undefined;
}

/** A signed-in browser (the session cookie) or a script with the right bearer token (constant-time compare). */
export function hasSession(request: NextRequest, now: Date = new Date()): boolean {
  const token = accessToken();
  if (token === undefined) return true;
  const bearer = bearerTokenOf(request);
  if (bearer !== undefined && tokenMatches(bearer, token)) return true;
  return isValidSession(request.cookies.get(SESSION_COOKIE)?.value, token, now);
}

export function hasAccess(request: NextRequest): boolean {
  return isPublicPage(request.nextUrl.pathname) || hasSession(request);
}
