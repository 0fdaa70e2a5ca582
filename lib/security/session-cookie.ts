import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/**
 * The session cookie proves the holder once typed the access token, without containing it: its
 * value is an expiry and an HMAC of that expiry keyed with the token. Changing the token therefore
 * signs everyone out, and a leaked cookie expires on its own.
 */

export const SESSION_COOKIE = "prism_session";
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const VERSION = "v1";

const sha256 = (value: string) => createHash("sha256").update(value).digest();

/** Constant-time: both sides are hashed to equal lengths first, so not even the length leaks. */
export function tokenMatches(candidate: string, accessToken: string): boolean {
  return timingSafeEqual(sha256(candidate), sha256(accessToken));
}

function signature(accessToken: string, expiresAtSeconds: number): string {
  return createHmac("sha256", accessToken)
    .update(`prism-session:${VERSION}:${expiresAtSeconds}`)
    .digest("base64url");
}

export function createSessionValue(accessToken: string, now: Date): string {
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + SESSION_MAX_AGE_SECONDS;
  return `${VERSION}.${expiresAtSeconds}.${signature(accessToken, expiresAtSeconds)}`;
}

export function isValidSession(value: string | undefined, accessToken: string, now: Date): boolean {
  const [version, expires, given] = value?.split(".") ?? [];
  if (version !== VERSION || !expires || !/^\d{1,12}$/.test(expires) || !given) return false;
  const expiresAtSeconds = Number(expires);
  if (expiresAtSeconds * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(signature(accessToken, expiresAtSeconds));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
