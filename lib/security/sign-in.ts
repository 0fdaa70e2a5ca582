import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { signInBodySchema } from "@/lib/api/session-requests";
import { accessToken } from "@/lib/env";
import { isHttps } from "./is-https";
import { createSessionValue, SESSION_COOKIE, SESSION_MAX_AGE_SECONDS, tokenMatches } from "./session-cookie";

/** Sign-in bodies are tiny: a token and a path. Anything bigger is refused before it is read. */
export const SIGN_IN_MAX_BODY_BYTES = 4 * 1024;

export interface SignInAttempt {
  token: string;
  /** Where to go afterwards: a path on this site, never another origin. */
  next: string;
  /** From the HTML sign-in form (answered with redirects) rather than a JSON client. */
  fromForm: boolean;
}

const LOCAL_BASE = "http://prism.invalid";
/** Browsers drop tabs and newlines from URLs ("/\t/evil" becomes "//evil"), and CR/LF break the header. */
const CONTROL_OR_SPACE = /[\s\u0000-\u001f\u007f-\u009f]/u;

/**
 * A path on this site and nothing else, as the browser will read it: parsed the way a browser
 * parses Location ("//evil", "/\\evil" and "/%09/evil" all leave the site), else "/".
 */
export function safeNextPath(next: string | undefined): string {
  if (!next?.startsWith("/") || CONTROL_OR_SPACE.test(next)) return "/";
  const url = new URL(next, LOCAL_BASE);
  if (url.origin !== LOCAL_BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that only resolves locally after dot-segment removal ("/./\\evil") is refused too.
  return path.startsWith("//") || path.startsWith("/\\") ? "/" : path;
}

export function signInAttempt(body: z.output<typeof signInBodySchema>, fromForm: boolean): SignInAttempt {
  return { token: body.token, next: safeNextPath(body.next), fromForm };
}

/** True when sign-in is off, or the attempt names the configured token. */
export function acceptsToken(attempt: SignInAttempt): boolean {
  const token = accessToken();
  return token === undefined || tokenMatches(attempt.token, token);
}

/** The Set-Cookie header value for a fresh session, or one that clears it. */
export function sessionCookieHeader(request: NextRequest, signedIn: boolean, now: Date = new Date()): string {
  const token = accessToken();
  const value = signedIn && token ? createSessionValue(token, now) : "";
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${value ? SESSION_MAX_AGE_SECONDS : 0}`,
    ...(isHttps(request) ? ["Secure"] : []),
  ];
  return attributes.join("; ");
}
