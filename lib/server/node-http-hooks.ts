import "server-only";
import { subscribe } from "node:diagnostics_channel";
import { createServer, request as sendRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { appPort } from "@/lib/env";
import { logger } from "@/lib/logger";
import { processSlot } from "@/lib/process-state";
import { hostSettings, type HostSettings } from "@/lib/security/allowed-hosts";
import { PEER_ADDRESS_HEADER } from "@/lib/security/client-address";
import { REFUSAL_HEADER, REFUSAL_ROUTE, encodeRefusal, refusalOf } from "@/lib/security/request-refusal";

/**
 * The one place Prism reaches under Next into Node's HTTP server. Node announces every request on
 * the `http.server.request.start` diagnostics channel (documented, but experimental) before the
 * server's handler sees it; a subscriber here, for requests on the app's port only (the channel
 * carries every server in the process, the built-in simulator's too):
 * - writes the socket's address into a header only we set (route handlers never see the socket,
 *   and Next keeps a client-sent X-Forwarded-For, so rate limits could be dodged by inventing one);
 * - sends a request Next cannot serve to the refusal route, which answers in the error envelope.
 *   Such requests fail inside Next before any of our code (proxy.ts included) runs, as a bare 500:
 *   TRACE, because Next builds a fetch Request for it and fetch forbids the method, and a path that
 *   is not valid percent-encoding, whose DecodeError Next fails to recognise (vercel/next.js#94278;
 *   no Next option covers either). Others Next would serve but must not: an absolute-form target
 *   (Next redirects it off-site) and a Host Prism does not answer to (DNS rebinding; checked here,
 *   before any route or static file, because running proxy.ts on every API call costs a third of
 *   the status route's throughput). A client-sent refusal header is removed;
 * - remembers the app's HTTP server, which Next does not expose, so the shutdown can stop
 *   accepting connections (lifecycle.ts).
 * Because the channel may change, installing sends a probe request through the same hook on a
 * throwaway server and logs whether it was rewritten as expected; readiness reports the answer.
 */

export type HttpHooksStatus = { active: true } | { active: false; reason: string };

const CHANNEL = "http.server.request.start";

interface Hooks {
  appPort: number;
  settings: HostSettings;
  /** Requests on these local ports are hooked: the app's, and the probe's while it runs. */
  ports: Set<number>;
  status: Promise<HttpHooksStatus>;
}

const hooks = processSlot<Hooks>("httpHooks");
const appServer = processSlot<Server>("httpServer");

function onRequestStart(message: unknown): void {
  const { request, socket, server } = message as {
    request: IncomingMessage;
    socket: Socket;
    server?: Server;
  };
  // Next sets PORT before it runs instrumentation.ts; Node reads a socket's local port once per connection.
  const installed = hooks.get();
  if (!installed?.ports.has(socket.localPort ?? -1)) return;
  if (server && socket.localPort === installed.appPort && !appServer.get()) appServer.set(server);
  request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "unknown";
  delete request.headers[REFUSAL_HEADER];
  const { host, "x-forwarded-host": forwardedHost } = request.headers;
  const refusal = refusalOf(request.method ?? "", request.url ?? "/", {
    host,
    forwardedHost: Array.isArray(forwardedHost) ? forwardedHost.join(",") : forwardedHost,
    settings: installed.settings,
  });
  if (!refusal) return;
  request.headers[REFUSAL_HEADER] = encodeRefusal(refusal);
  // HEAD stays HEAD: Node has already decided that the answer carries no body.
  request.method = request.method === "HEAD" ? "HEAD" : "GET";
  request.url = REFUSAL_ROUTE;
}

/** The app's HTTP server, once a request has arrived on it (Next keeps it to itself). */
export function appHttpServer(): Server | undefined {
  return appServer.get();
}

/**
 * Sends TRACE through a throwaway loopback server whose port is hooked as the app's, and tells
 * whether its handler saw the request rewritten (the refusal route, the refusal and peer headers).
 */
export async function probeRequestHook(
  ports = hooks.get()?.ports ?? new Set<number>(),
): Promise<HttpHooksStatus> {
  const probe = createServer((request, response) => {
    const seen = { method: request.method, url: request.url, headers: request.headers };
    response.end(JSON.stringify(seen));
  });
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  ports.add(port);
  try {
    const seen = await new Promise<Pick<IncomingMessage, "method" | "url" | "headers">>((resolve, reject) => {
      const request = sendRequest({ host: "127.0.0.1", port, method: "TRACE", path: "/" }, (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve(JSON.parse(body)));
      });
      request.on("error", reject).end();
    });
    const rewritten =
      seen.method === "GET" &&
      seen.url === REFUSAL_ROUTE &&
      seen.headers[REFUSAL_HEADER] === "method TRACE" &&
      typeof seen.headers[PEER_ADDRESS_HEADER] === "string";
    if (rewritten) return { active: true };
    return { active: false, reason: `a TRACE probe reached the server as ${seen.method} ${seen.url}` };
  } catch (error) {
    return {
      active: false,
      reason: `the probe failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  } finally {
    ports.delete(port);
    probe.close();
  }
}

async function checkHooks(ports: Set<number>): Promise<HttpHooksStatus> {
  const status = await probeRequestHook(ports);
  const context = { channel: CHANNEL, node: process.versions.node };
  if (status.active)
    logger.info("Request hook active: unservable requests are refused in the envelope", context);
  else
    logger.error("Request hook inactive: TRACE and undecodable paths will be a bare 500", {
      ...context,
      ...status,
    });
  return status;
}

/** Subscribes once per process (instrumentation.ts), then probes the hook and logs one line. */
export function installNodeHttpHooks(port = appPort(), settings = hostSettings()): Promise<HttpHooksStatus> {
  const installed = hooks.get();
  if (installed) return installed.status;
  const ports = new Set([port]);
  try {
    subscribe(CHANNEL, onRequestStart);
  } catch (error) {
    const status: HttpHooksStatus = {
      active: false,
      reason: `cannot subscribe to ${CHANNEL}: ${String(error)}`,
    };
    logger.error("Request hook inactive", { node: process.versions.node, ...status });
    hooks.set({ appPort: port, settings, ports, status: Promise.resolve(status) });
    return Promise.resolve(status);
  }
  const hooked: Hooks = {
    appPort: port,
    settings,
    ports,
    status: Promise.resolve({ active: false, reason: "probing" }),
  };
  hooks.set(hooked);
  hooked.status = checkHooks(ports);
  return hooked.status;
}

/** What readiness reports: the probe's answer, or why there is none. */
export function httpHooksStatus(): Promise<HttpHooksStatus> {
  return hooks.get()?.status ?? Promise.resolve({ active: false, reason: "not installed" });
}
