import { createHmac, timingSafeEqual } from "node:crypto";
import { processSlot } from "@/lib/process-state";

/**
 * A share-page visitor's reviewer id: 144 random bits and an HMAC of them, in an HttpOnly cookie,
 * and nothing else (no name, no account). It files their picks so they can change them, and seeds
 * their shuffled order. Only a page visit issues one (proxy.ts); a vote without a valid one is
 * refused, so a script cannot mint reviewers by making ids up. The key is shared by every instance
 * through the database (reviewer-key.ts, server_secrets), and reaches the proxy through a process slot.
 */
export const REVIEWER_COOKIE = "prism_reviewer";
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const VERSION = "r1";
const ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;
/** How long the proxy waits for the database to give the key at start-up. */
const KEY_WAIT_MS = 15_000;

interface KeySlot {
  promise: Promise<string>;
  resolve: (key: string) => void;
  settled: boolean;
}

const keySlot = processSlot<KeySlot>("reviewerKey");

function slot(): KeySlot {
  return keySlot.getOrCreate(() => {
    let resolve!: (key: string) => void;
    const promise = new Promise<string>((done) => (resolve = done));
    const entry: KeySlot = {
      promise,
      resolve: (key) => ((entry.settled = true), resolve(key)),
      settled: false,
    };
    return entry;
  });
}

/** Called once the key is read from the database. */
export function provideReviewerKey(key: string): void {
  const entry = slot();
  if (!entry.settled) entry.resolve(key);
}

export function hasReviewerKey(): boolean {
  return slot().settled;
}

/** The key, once the database gave it; undefined if it did not within the wait. */
export async function waitForReviewerKey(waitMs = KEY_WAIT_MS): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), waitMs)));
  try {
    return await Promise.race([slot().promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function newReviewerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Buffer.from(bytes).toString("base64url");
}

function signature(key: string, id: string): string {
  return createHmac("sha256", key).update(`prism-reviewer:${VERSION}:${id}`).digest("base64url");
}

/** The cookie's value for a reviewer id. */
export function signReviewerId(id: string, key: string): string {
  return `${VERSION}.${id}.${signature(key, id)}`;
}

/** The reviewer id a genuine cookie holds; a forged, altered or old unsigned one is as if absent. */
export function verifiedReviewerId(value: string | undefined, key: string): string | undefined {
  const [version, id, given] = value?.split(".") ?? [];
  if (version !== VERSION || !id || !ID_PATTERN.test(id) || !given) return undefined;
  const expected = Buffer.from(signature(key, id));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : undefined;
}

export function reviewerCookieAttributes(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    maxAge: MAX_AGE_SECONDS,
    secure,
  };
}
