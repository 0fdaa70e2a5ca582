/**
 * The history's keyset cursor: the (createdAt, id) of the last run on a page, as base64url JSON.
 * Opaque to clients; isomorphic (no Buffer), so the list-query schema can decode it anywhere.
 */
export interface RunCursor {
  createdAt: string;
  id: string;
}

function toBase64Url(text: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}

export function encodeRunCursor(cursor: RunCursor): string {
  return toBase64Url(JSON.stringify({ createdAt: cursor.createdAt, id: cursor.id }));
}

/** Null for anything that is not a cursor this app made. */
export function decodeRunCursor(text: string): RunCursor | null {
  try {
    const value = JSON.parse(fromBase64Url(text)) as Partial<RunCursor>;
    if (
      typeof value.id === "string" &&
      typeof value.createdAt === "string" &&
      !Number.isNaN(Date.parse(value.createdAt))
    ) {
      return { createdAt: value.createdAt, id: value.id };
    }
  } catch {
    // Not base64url or not JSON: falls through.
  }
  return null;
}
