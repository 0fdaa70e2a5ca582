/**
 * Requests Prism refuses before Next sees them (unservable-requests.ts), and how the refusal
 * travels to app/api/refused/route.ts in a header only the server sets.
 */

export const REFUSAL_HEADER = "x-prism-refusal";
export const REFUSAL_ROUTE = "/api/refused";

/** Next's routes serve these; TRACE (a cross-site tracing risk) and the WebDAV ones get a 405. */
export const SERVED_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;

export type Refusal = { kind: "method"; method: string } | { kind: "path"; path: string };

export function refusalOf(method: string, url: string): Refusal | undefined {
  if (!(SERVED_METHODS as readonly string[]).includes(method)) return { kind: "method", method };
  const path = url.split("?", 1)[0]!;
  try {
    decodeURIComponent(path);
  } catch {
    return { kind: "path", path };
  }
  return undefined;
}

/** A header value: methods are tokens, and encodeURI makes any path plain ASCII (a lone % included). */
export function encodeRefusal(refusal: Refusal): string {
  return refusal.kind === "method" ? `method ${refusal.method}` : `path ${encodeURI(refusal.path)}`;
}

export function decodeRefusal(value: string | null): Refusal | undefined {
  const match = /^(method|path) (.+)$/.exec(value ?? "");
  if (!match) return undefined;
  if (match[1] === "method") return { kind: "method", method: match[2]! };
  try {
    return { kind: "path", path: decodeURI(match[2]!) };
  } catch {
    return undefined;
  }
}
