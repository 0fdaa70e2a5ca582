import { publicUrl, trustProxy } from "@/lib/env";

interface OriginSettings {
  publicUrl: string | undefined;
  trustProxy: boolean;
}

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The last entry of a list header: the one our own proxy wrote (earlier ones are the client's). */
function lastEntry(value: string | null): string | undefined {
  return value
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
}

/**
 * The origin a page or response was served from, for absolute URLs in it (the share preview image,
 * copy-as-code): PUBLIC_URL when set; else the Host the browser or unfurler addressed, or
 * X-Forwarded-Host behind our own proxy (PRISM_TRUST_PROXY=1). Undefined when the host is missing
 * or malformed. `secure`: the request itself came over https.
 */
export function headersOrigin(
  headers: Headers,
  settings: OriginSettings = { publicUrl: publicUrl(), trustProxy: trustProxy() },
  secure = false,
): string | undefined {
  if (settings.publicUrl) return settings.publicUrl;
  const forwardedHost = settings.trustProxy ? lastEntry(headers.get("x-forwarded-host")) : undefined;
  const host = forwardedHost ?? headers.get("host") ?? undefined;
  if (!host || !HOST.test(host)) return undefined;
  // The same rule as isHttps: a proxy that terminates TLS says so, and cookies get Secure then.
  const https = secure || lastEntry(headers.get("x-forwarded-proto")) === "https";
  return `${https ? "https" : "http"}://${host.toLowerCase()}`;
}

/** The origin the caller reached the app at (see headersOrigin), falling back to the request URL's. */
export function requestOrigin(request: { nextUrl: URL; headers: Headers }): string {
  const origin = headersOrigin(request.headers, undefined, request.nextUrl.protocol === "https:");
  return origin ? new URL(origin).origin : request.nextUrl.origin;
}
