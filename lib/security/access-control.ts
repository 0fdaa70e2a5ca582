import type { NextRequest } from "next/server";
import { accessToken } from "@/lib/env";
import { isValidSession, SESSION_COOKIE } from "./session-cookie";

/**
 * Which pages need a session when PRISM_ACCESS_TOKEN is set (proxy.ts). API routes declare their
 * own access on routeHandler({ access }), which checks it with hasSession.
 */

export const SIGN_IN_MESSAGE = "Sign in with the access token first";

/** Share pages and what they load are public, as are the sign-in page and the usual robot files. */
const PUBLIC_PREFIXES = ["/g/", "/_next/"];
const PUBLIC_PATHS = new Set(["/sign-in", "/favicon.ico", "/robots.txt"]);

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

export function accessControlEnabled(): boolean {
  return accessToken() !== undefined;
}

export function hasSession(request: NextRequest, now: Date = new Date()): boolean {
  const token = accessToken();
  return token === undefined || isValidSession(request.cookies.get(SESSION_COOKIE)?.value, token, now);
}

export function hasAccess(request: NextRequest): boolean {
  return isPublicPage(request.nextUrl.pathname) || hasSession(request);
}
