import type { NextRequest } from "next/server";
import { publicUrl } from "@/lib/env";
import { isAllowedHost } from "./allowed-hosts";

/**
 * CSRF: whether a state-changing request was sent by a page of another origin. The session cookie
 * is SameSite=Lax, and a page on another port of the same host is the same site, so the browser
 * sends the cookie; only the origin tells the requests apart. Browsers always send Origin on
 * POST, PUT, PATCH and DELETE; Sec-Fetch-Site and Referer are the fallbacks for older ones. A
 * request with none of them is not from a browser (curl, scripts) and carries no ambient cookie.
 */

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isStateChanging(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * The app's own origin is PUBLIC_URL's, or the host the browser addressed (Host header): a
 * request's Host is chosen by the browser from the page's URL, never by the page. A name Prism does
 * not answer to is never its own, though: a DNS-rebinding page chose that name (allowed-hosts.ts).
 */
function isOwnOrigin(origin: string, request: NextRequest): boolean {
  const configured = publicUrl();
  if (configured && parse(configured)?.origin === origin) return true;
  const host = request.headers.get("host")?.toLowerCase();
  return host !== undefined && isAllowedHost(host) && parse(origin)?.host === host;
}

/** Undefined for a request this app's own pages (or a non-browser client) could have sent, else why not. */
export function crossOriginRefusal(request: NextRequest): string | undefined {
  const refusal = "Requests from other sites may not change anything here";
  const origin = request.headers.get("origin");
  if (origin !== null) return isOwnOrigin(origin, request) ? undefined : refusal;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) return site === "same-origin" || site === "none" ? undefined : refusal;
  const referer = request.headers.get("referer");
  if (referer === null) return undefined;
  const refererOrigin = parse(referer)?.origin;
  return refererOrigin && isOwnOrigin(refererOrigin, request) ? undefined : refusal;
}
