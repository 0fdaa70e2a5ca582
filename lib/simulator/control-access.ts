import type { IncomingHttpHeaders } from "node:http";
import { header } from "./http-utils";

/**
 * Who may use the control port. It shows every prompt and changes the simulator's behaviour, so a
 * web page must not reach it: a browser's request from any origin but the port's own or the app's
 * is refused, and so is a Host that is not a loopback name (a DNS-rebinding page would otherwise
 * be same-origin and need no Origin at all). Clients without an Origin (tests, curl) pass.
 */

const LOOPBACK_HOSTNAMES = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTNAMES.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The origins a browser shows for a loopback server on `port`. */
export function loopbackOrigins(port: number): string[] {
  return ["127.0.0.1", "localhost", "[::1]"].map((host) => `http://${host}:${port}`);
}

function hostnameOf(hostHeader: string): string {
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return "";
  }
}

/** Undefined when the request may go on, else why it may not. */
export function controlRefusal(
  headers: IncomingHttpHeaders,
  allowedOrigins: ReadonlySet<string>,
): string | undefined {
  if (!isLoopbackHost(hostnameOf(header(headers, "host") ?? ""))) {
    return "The simulator's control port only answers requests addressed to a loopback host.";
  }
  const origin = header(headers, "origin");
  if (origin !== undefined && !allowedOrigins.has(origin)) {
    return `Requests from ${origin} may not use the simulator's control port.`;
  }
  return undefined;
}
