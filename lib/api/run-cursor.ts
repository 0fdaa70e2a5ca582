/**
 * The history's keyset cursor: the (createdAt, id) of the last run on a page, as base64url JSON.
 * Opaque to clients; isomorphic (no Buffer), so the list-query schema can decode it anywhere.
 */
export interface RunCursor {
  createdAt: string;
  id: string;
}

export function toBase64Url(text: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}

export function encodeRunCursor(cursor: RunCursor): string {
  return toBase64Url(JSON.stringify({ createdAt: cursor.createdAt, id: cursor.id }));
}

/** Exactly what encodeRunCursor is given: anything else (a bad date, a NUL in the id) would fail in the query. */
export const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const CURSOR_ID = /^[\w-]{1,64}$/;

/** Null for anything that is not a cursor this app made. */
export function decodeRunCursor(text: string): RunCursor | null {
  try {
    const { createdAt, id } = JSON.parse(fromBase64Url(text)) as Partial<RunCursor>;
    if (
      typeof id === "string" &&
      CURSOR_ID.test(id) &&
      typeof createdAt === "string" &&
      CURSOR_INSTANT.test(createdAt) &&
      // Throws for an invalid date; differs for one that rolls over, like February 30.
      new Date(createdAt).toISOString() === createdAt
    ) {
      return { createdAt, id };
    }
  } catch {
    // Not base64url, not JSON or not a date: falls through.
  }
  return null;
}
