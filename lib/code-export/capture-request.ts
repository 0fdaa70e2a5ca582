import "server-only";
import type { FetchLike, ImageProvider, ProviderDescriptor } from "@/lib/providers/types";

/**
 * Runs a provider's own adapter with a fetch that records the request and sends nothing, so
 * "Copy as code" shows exactly what the adapter builds (its transform, headers and URL) without a
 * second copy of any of it.
 */

export interface CapturedRequest {
  method: "GET" | "POST";
  url: string;
  headers: [name: string, value: string][];
  /** The parsed JSON body, when there is one. */
  body?: unknown;
}

export type CaptureResult = { request: CapturedRequest } | { request: null; reason: string };

function headerEntries(headers: HeadersInit | undefined): [string, string][] {
  if (!headers) return [];
  if (headers instanceof Headers) return [...headers.entries()];
  return Array.isArray(headers)
    ? headers.map(([name = "", value = ""]) => [name, value])
    : Object.entries(headers);
}

/** Stops the adapter at its first network call; nothing leaves the machine. */
class Captured extends Error {}

/**
 * The first request `call` makes with an adapter built from `descriptor` with this key and base
 * URL, or why it made none (the adapter refused the input before sending anything).
 */
export async function captureRequest(
  descriptor: ProviderDescriptor,
  settings: { apiKey: string; baseUrl: string },
  call: (provider: ImageProvider) => Promise<unknown>,
): Promise<CaptureResult> {
  const captured: CapturedRequest[] = [];
  const recordingFetch: FetchLike = async (input, init = {}) => {
    captured.push({
      method: init.method === "POST" ? "POST" : "GET",
      url: String(input),
      headers: headerEntries(init.headers),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    });
    throw new Captured("captured");
  };
  try {
    await call(descriptor.create({ ...settings, fetch: recordingFetch }));
  } catch (error) {
    if (!captured[0])
      return { request: null, reason: error instanceof Error ? error.message : String(error) };
  }
  return captured[0] ? { request: captured[0] } : { request: null, reason: "the adapter sent no request" };
}
