import type { NextRequest } from "next/server";
import { accessToken } from "@/lib/env";
import { isValidSession, SESSION_COOKIE } from "./access-token";

/**
 * Which requests need a session when PRISM_ACCESS_TOKEN is set. Used by proxy.ts for pages and by
 * the API route wrapper (routeHandler) for every API route.
 */

export const SIGN_IN_MESSAGE = "Sign in with the access token first";

/** Share pages and what they load are public, as are content-addressed files and machine endpoints. */
const PUBLIC_PREFIXES = ["/g/", "/api/files/", "/api/callbacks/", "/_next/"];
const PUBLIC_PATHS = new Set(["/sign-in", "/api/session", "/api/health", "/favicon.ico", "/robots.txt"]);
/** A shared gallery and its sub-resources (download, OG image), read-only. */
const PUBLIC_GALLERY_READ = /^\/api\/galleries\/[^/]+(\/.*)?$/;

export function isPublicRequest(pathname: string, method: string): boolean {
  if (PUBLIC_PATHS.has(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix)))
    return true;
  return (method === "GET" || method === "HEAD") && PUBLIC_GALLERY_READ.test(pathname);
}

export function accessControlEnabled(): boolean {
  return accessToken() !== undefined;
}

export function hasSession(request: NextRequest, now: Date = new Date()): boolean {
  const token = accessToken();
  return token === undefined || isValidSession(request.cookies.get(SESSION_COOKIE)?.value, token, now);
}

export function hasAccess(request: NextRequest): boolean {
  return isPublicRequest(request.nextUrl.pathname, request.method) || hasSession(request);
}
