import { appPort } from "@/lib/env";
import {
  addressedHost,
  hostSettings,
  isAllowedHost,
  lastEntry,
  type HostSettings,
} from "@/lib/security/allowed-hosts";

/**
 * The origin a page or response was served from, for absolute URLs in it (the share preview image,
 * copy-as-code): PUBLIC_URL when set; else the Host the browser or unfurler addressed, or
 * X-Forwarded-Host behind our own proxy (PRISM_TRUST_PROXY=1). Undefined when the host is missing,
 * malformed or not one Prism answers to (lib/security/allowed-hosts.ts), so a DNS-rebinding name
 * never ends up in a URL. `secure`: the request itself came over https.
 */
export function headersOrigin(
  headers: Headers,
  settings: HostSettings = hostSettings(),
  secure = false,
): string | undefined {
  if (settings.publicUrl) return settings.publicUrl;
  const host = addressedHost(headers.get("host"), headers.get("x-forwarded-host"), settings);
  if (!host || !isAllowedHost(host, settings)) return undefined;
  // The same rule as isHttps: a proxy that terminates TLS says so, and cookies get Secure then.
  const https = secure || lastEntry(headers.get("x-forwarded-proto")) === "https";
  return `${https ? "https" : "http"}://${host.toLowerCase()}`;
}

/** The origin the caller reached the app at (see headersOrigin), else this server on loopback. */
export function requestOrigin(request: { nextUrl: URL; headers: Headers }): string {
  const origin = headersOrigin(request.headers, undefined, request.nextUrl.protocol === "https:");
  return origin ? new URL(origin).origin : `http://localhost:${appPort()}`;
}
