import { allowedHosts, publicUrl, trustProxy } from "@/lib/env";

/**
 * DNS rebinding: a page on attacker.example that re-points its own name at 127.0.0.1 is
 * same-origin with whatever answers there, so the browser lets it read Prism's answers and send
 * Origin and Host both saying attacker.example. Only the name the browser addressed tells such a
 * request apart, so Prism answers only to names it knows: PUBLIC_URL's, loopback, and
 * PRISM_ALLOWED_HOSTS. Ports do not matter (a rebinding page cannot choose Prism's host name).
 */

export interface HostSettings {
  publicUrl: string | undefined;
  allowedHosts: readonly string[];
  trustProxy: boolean;
}

const LOOPBACK_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"];

/** A Host header's shape: a name or an IP literal, then an optional port. Anything else is malformed. */
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function hostSettings(): HostSettings {
  return { publicUrl: publicUrl(), allowedHosts: allowedHosts(), trustProxy: trustProxy() };
}

/** The last entry of a list header: the one our own proxy wrote (earlier ones are the client's). */
export function lastEntry(value: string | null | undefined): string | undefined {
  return value
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
}

/**
 * The host the client addressed: X-Forwarded-Host behind our own proxy (PRISM_TRUST_PROXY=1),
 * else Host. Undefined when there is none (HTTP/1.0 clients may omit it; browsers never do).
 */
export function addressedHost(
  host: string | null | undefined,
  forwardedHost: string | null | undefined,
  settings: Pick<HostSettings, "trustProxy">,
): string | undefined {
  return (settings.trustProxy ? lastEntry(forwardedHost) : undefined) ?? (host || undefined);
}

/** "Studio.Example:3000" → "studio.example", "[::1]:80" → "[::1]"; undefined when malformed. */
export function hostnameOf(host: string): string | undefined {
  if (!HOST.test(host)) return undefined;
  const lower = host.toLowerCase();
  return lower.startsWith("[") ? lower.slice(0, lower.indexOf("]") + 1) : lower.split(":", 1)[0];
}

function configuredHostname(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether a request addressed to `host` (a Host header value) is one Prism answers. */
export function isAllowedHost(host: string, settings: HostSettings = hostSettings()): boolean {
  const hostname = hostnameOf(host);
  if (hostname === undefined) return false;
  return (
    LOOPBACK_HOSTNAMES.includes(hostname) ||
    hostname === configuredHostname(settings.publicUrl) ||
    settings.allowedHosts.includes(hostname)
  );
}

/** The addressed host when Prism does not answer to it, else undefined (a request without one passes). */
export function disallowedHost(
  host: string | null | undefined,
  forwardedHost: string | null | undefined,
  settings: HostSettings = hostSettings(),
): string | undefined {
  const addressed = addressedHost(host, forwardedHost, settings);
  return addressed === undefined || isAllowedHost(addressed, settings) ? undefined : addressed;
}
