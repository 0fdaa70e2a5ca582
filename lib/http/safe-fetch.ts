import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { errorBrand } from "@/lib/error-brand";

/**
 * The one way Prism fetches a URL a provider handed it (image downloads, pixazo's polling_url).
 * A provider answer is untrusted input: without these rules a forged URL could make the server read
 * its own network (SSRF) or stream gigabytes.
 */
export interface SafeFetchPolicy {
  /** Hostnames the URL may name: exact names, or ".example.com" for that domain and its subdomains. */
  allowedHosts: readonly string[];
  /**
   * `host[:port]` values (a provider's configured base URL) that may resolve to private or loopback
   * addresses, so the simulator and self-hosted gateways keep working.
   */
  trustedHosts: readonly string[];
  maxBytes: number;
  totalTimeoutMs: number;
  idleTimeoutMs: number;
  maxRedirects: number;
  headers?: Record<string, string>;
}

export const DEFAULT_LIMITS = {
  maxBytes: 25 * 1024 * 1024,
  totalTimeoutMs: 60_000,
  idleTimeoutMs: 15_000,
  maxRedirects: 3,
} as const;

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

export type SafeFetchErrorCode =
  "blocked_url" | "blocked_address" | "too_large" | "timeout" | "too_many_redirects" | "network_error";

export class SafeFetchError extends Error {
  readonly code: SafeFetchErrorCode;
  constructor(code: SafeFetchErrorCode, message: string) {
    super(message);
    this.name = "SafeFetchError";
    this.code = code;
    SAFE_FETCH_ERROR.mark(this);
  }
}

const SAFE_FETCH_ERROR = errorBrand<SafeFetchError>("SafeFetchError");
/** Recognises a SafeFetchError from any copy of this module (lib/error-brand.ts); never use instanceof. */
export const isSafeFetchError = SAFE_FETCH_ERROR.is;

const PRIVATE_RANGES = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE_RANGES.addSubnet(network, prefix, "ipv6");
}

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return isPrivateAddress(mapped[1]);
  const family = net.isIP(address);
  if (family === 0) return true;
  return PRIVATE_RANGES.check(address, family === 4 ? "ipv4" : "ipv6");
}

function hostAllowed(hostname: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((rule) =>
    rule.startsWith(".") ? hostname === rule.slice(1) || hostname.endsWith(rule) : hostname === rule,
  );
}

function checkUrl(url: URL, policy: SafeFetchPolicy): { trusted: boolean } {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new SafeFetchError("blocked_url", `Refused ${url.protocol} URL: only http and https are fetched`);
  }
  if (url.username || url.password) throw new SafeFetchError("blocked_url", "Refused a URL with credentials");
  const hostname = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const trusted = policy.trustedHosts.includes(url.host.toLowerCase());
  if (!trusted && !hostAllowed(hostname, policy.allowedHosts)) {
    throw new SafeFetchError("blocked_url", `Refused host ${hostname}: it does not belong to this provider`);
  }
  if (!trusted && net.isIP(hostname) && isPrivateAddress(hostname)) {
    throw new SafeFetchError("blocked_address", `Refused private address ${hostname}`);
  }
  return { trusted };
}

/** Resolves like dns.lookup, but fails when any resolved address is private: checked on what we connect to. */
const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const blocked = addresses.find((entry) => isPrivateAddress(entry.address));
    if (blocked) {
      return callback(
        new SafeFetchError("blocked_address", `Refused ${hostname}: resolves to a private address`),
        "",
        0,
      );
    }
    if (options.all)
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (!first) return callback(new Error(`No address for ${hostname}`), "", 0);
    callback(null, first.address, first.family);
  });
};

function requestOnce(
  url: URL,
  policy: SafeFetchPolicy,
  trusted: boolean,
  signal: AbortSignal,
): Promise<SafeResponse> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "GET",
      headers: policy.headers,
      signal,
      lookup: trusted ? undefined : guardedLookup,
    });
    // Errors surface on the request before the response and on the response after it: settle once.
    const fail = (error: SafeFetchError) => {
      reject(error);
      request.destroy();
    };
    const tooLarge = () =>
      fail(new SafeFetchError("too_large", `Response is larger than ${policy.maxBytes} bytes`));
    request.setTimeout(policy.idleTimeoutMs, () => {
      fail(new SafeFetchError("timeout", `No data from ${url.host} for ${policy.idleTimeoutMs} ms`));
    });
    request.on("error", (error) => {
      if (isSafeFetchError(error)) return fail(error);
      if (signal.aborted)
        return fail(new SafeFetchError("timeout", `Fetching from ${url.host} took too long`));
      fail(new SafeFetchError("network_error", `Could not fetch from ${url.host}: ${error.message}`));
    });
    request.on("response", (response) => {
      if (Number(response.headers["content-length"]) > policy.maxBytes) return tooLarge();
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > policy.maxBytes) return tooLarge();
        chunks.push(chunk);
      });
      response.on("end", () => {
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
          url: url.href,
        });
      });
      response.on("error", () =>
        fail(new SafeFetchError("network_error", `Connection to ${url.host} broke`)),
      );
    });
    request.end();
  });
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function safeFetch(rawUrl: string, policy: SafeFetchPolicy): Promise<SafeResponse> {
  const signal = AbortSignal.timeout(policy.totalTimeoutMs);
  let url = parseUrl(rawUrl);
  for (let redirects = 0; ; redirects += 1) {
    const { trusted } = checkUrl(url, policy);
    const response = await requestOnce(url, policy, trusted, signal);
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.status) || !location) return response;
    if (redirects >= policy.maxRedirects) {
      throw new SafeFetchError("too_many_redirects", `More than ${policy.maxRedirects} redirects`);
    }
    url = parseUrl(location, url);
  }
}

function parseUrl(raw: string, base?: URL): URL {
  try {
    return new URL(raw, base);
  } catch {
    throw new SafeFetchError("blocked_url", "Refused a malformed URL");
  }
}
