/**
 * Requests Prism refuses before Next sees them (lib/server/node-http-hooks.ts), and how the refusal
 * travels to app/api/refused/route.ts in a header only the server sets.
 */
import { disallowedHost, type HostSettings } from "./allowed-hosts";

export const REFUSAL_HEADER = "x-prism-refusal";
export const REFUSAL_ROUTE = "/api/refused";

/** Next's routes serve these; TRACE (a cross-site tracing risk) and the WebDAV ones get a 405. */
export const SERVED_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"] as const;

/** A load balancer probes these by IP address, and they reveal nothing: any host may ask. */
const ANY_HOST_PATHS = new Set(["/api/health", "/api/ready"]);

export type Refusal =
  | { kind: "method"; method: string }
  /** Not valid percent-encoding. */
  | { kind: "path"; path: string }
  /**
   * A NUL character in a page's or image's path (PostgreSQL cannot compare one, and it would reach
   * the log raw); API routes answer it themselves with a 422 naming the parameter.
   */
  | { kind: "nul"; path: string }
  /** Absolute-form (`GET http://other.example/`) or asterisk-form (`OPTIONS *`): Prism serves paths. */
  | { kind: "target"; target: string }
  /** A host Prism does not answer to (DNS rebinding, allowed-hosts.ts). */
  | { kind: "host"; host: string };

/** The Host and X-Forwarded-Host a request came with, and the settings that say which are allowed. */
export interface AddressedTo {
  host: string | undefined;
  forwardedHost: string | undefined;
  settings: HostSettings;
}

export function refusalOf(method: string, url: string, addressed?: AddressedTo): Refusal | undefined {
  if (!(SERVED_METHODS as readonly string[]).includes(method)) return { kind: "method", method };
  if (!url.startsWith("/")) return { kind: "target", target: url };
  const path = url.split("?", 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { kind: "path", path };
  }
  if (decoded.includes("\u0000") && !path.startsWith("/api/")) return { kind: "nul", path };
  if (addressed && !ANY_HOST_PATHS.has(path)) {
    const host = disallowedHost(addressed.host, addressed.forwardedHost, addressed.settings);
    if (host !== undefined) return { kind: "host", host };
  }
  return undefined;
}

type RefusalKind = Refusal["kind"];

/** The one text each refusal carries. */
function valueOf(refusal: Refusal): string {
  switch (refusal.kind) {
    case "method":
      return refusal.method;
    case "path":
    case "nul":
      return refusal.path;
    case "target":
      return refusal.target;
    case "host":
      return refusal.host;
  }
}

function refusalFrom(kind: RefusalKind, value: string): Refusal {
  switch (kind) {
    case "method":
      return { kind, method: value };
    case "path":
    case "nul":
      return { kind, path: value };
    case "target":
      return { kind, target: value };
    case "host":
      return { kind, host: value };
  }
}

/** A header value: methods are tokens, and encodeURI makes any other value plain ASCII (a lone % included). */
export function encodeRefusal(refusal: Refusal): string {
  const value = valueOf(refusal);
  return `${refusal.kind} ${refusal.kind === "method" ? value : encodeURI(value)}`;
}

export function decodeRefusal(value: string | null): Refusal | undefined {
  const match = /^(method|path|nul|target|host) (.+)$/.exec(value ?? "");
  if (!match) return undefined;
  const [, kind, text] = match as unknown as [string, RefusalKind, string];
  if (kind === "method") return refusalFrom(kind, text);
  try {
    return refusalFrom(kind, decodeURI(text));
  } catch {
    return undefined;
  }
}
