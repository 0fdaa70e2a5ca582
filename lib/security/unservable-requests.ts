import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { appPort } from "@/lib/env";
import { hostSettings } from "./allowed-hosts";
import { REFUSAL_HEADER, REFUSAL_ROUTE, encodeRefusal, refusalOf } from "./request-refusal";

const globalForGuard = globalThis as typeof globalThis & { prismUnservableRequests?: boolean };

/**
 * Some requests fail inside Next before any of our code (proxy.ts included) runs, as a bare 500:
 * TRACE, because Next builds a fetch Request for it and fetch forbids the method, and a path that
 * is not valid percent-encoding, whose DecodeError Next fails to recognise (vercel/next.js#94278).
 * Others Next would serve but must not: an absolute-form target (Next redirects it off-site) and a
 * Host Prism does not answer to (DNS rebinding; checked here, before any route or static file,
 * because running proxy.ts on every API call costs a third of the status route's throughput).
 * Node announces every request on this channel before the server's handler sees it, so a request
 * like that is sent on to the refusal route, which answers with the error envelope. The header
 * that describes the refusal is removed from every other request, so a client cannot send it.
 *
 * The channel carries every server in the process, the built-in simulator's too, so only requests
 * that arrived on the app's port are touched. Next sets PORT to the port it listens on before it
 * runs instrumentation.ts; a socket's local port is read once per connection and then cached by Node.
 */
export function refuseUnservableRequests(port = appPort(), settings = hostSettings()): void {
  if (globalForGuard.prismUnservableRequests) return;
  globalForGuard.prismUnservableRequests = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    if (socket.localPort !== port) return;
    delete request.headers[REFUSAL_HEADER];
    const { host, "x-forwarded-host": forwardedHost } = request.headers;
    const refusal = refusalOf(request.method ?? "", request.url ?? "/", {
      host,
      forwardedHost: Array.isArray(forwardedHost) ? forwardedHost.join(",") : forwardedHost,
      settings,
    });
    if (!refusal) return;
    request.headers[REFUSAL_HEADER] = encodeRefusal(refusal);
    // HEAD stays HEAD: Node has already decided that the answer carries no body.
    request.method = request.method === "HEAD" ? "HEAD" : "GET";
    request.url = REFUSAL_ROUTE;
  });
}
