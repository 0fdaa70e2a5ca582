import "server-only";

/** Callback tokens are newId() values; anything longer is refused before touching the database. */
export const MAX_CALLBACK_TOKEN_LENGTH = 64;

/**
 * The URL a provider notifies when a job changes (shortapi callback_url, pixazo X-Webhook-URL), or
 * undefined when the app has no public origin the provider could reach.
 */
export function callbackUrlFor(
  publicUrl: string | undefined,
  callbackToken: string | null,
): string | undefined {
  if (!publicUrl || !callbackToken) return undefined;
  return `${publicUrl}/api/callbacks/${encodeURIComponent(callbackToken)}`;
}
