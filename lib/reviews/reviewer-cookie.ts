/**
 * A share-page visitor's reviewer id: 144 random bits in an HttpOnly cookie, and nothing else (no
 * name, no account). It files their picks so they can change them, and seeds their shuffled order.
 * Runs in proxy.ts as well as in route handlers, so only Web APIs here.
 */
export const REVIEWER_COOKIE = "prism_reviewer";
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function newReviewerId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

/** The id a well-formed cookie holds; anything else is ignored as if absent. */
export function validReviewerId(value: string | undefined): string | undefined {
  return value && ID_PATTERN.test(value) ? value : undefined;
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

/** The Set-Cookie header value that gives a visitor their reviewer id. */
export function reviewerCookieHeader(id: string, secure: boolean): string {
  const attributes = reviewerCookieAttributes(secure);
  return [
    `${REVIEWER_COOKIE}=${id}`,
    `Path=${attributes.path}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${attributes.maxAge}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
