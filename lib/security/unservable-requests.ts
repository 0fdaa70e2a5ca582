import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { appPort } from "@/lib/env";
import { REFUSAL_HEADER, REFUSAL_ROUTE, encodeRefusal, refusalOf } from "./request-refusal";

const globalForGuard = globalThis as typeof globalThis & { prismUnservableRequests?: boolean };

/**
 * Some requests fail inside Next before any of our code (proxy.ts included) runs, as a bare 500:
 * TRACE, because Next builds a fetch Request for it and fetch forbids the method, and a path that
 * is not valid percent-encoding, whose DecodeError Next fails to recognise (vercel/next.js#94278).
 * Node announces every request on this channel before the server's handler sees it, so a request
 * like that is sent on to the refusal route, which answers with the error envelope. The header
 * that describes the refusal is removed from every other request, so a client cannot send it.
 *
 * The channel carries every server in the process, the built-in simulator's too, so only requests
 * that arrived on the app's port are touched. Next sets PORT to the port it listens on before it
 * runs instrumentation.ts; a socket's local port is read once per connection and then cached by Node.
 */
export function refuseUnservableRequests(port = appPort()): void {
  if (globalForGuard.prismUnservableRequests) return;
  globalForGuard.prismUnservableRequests = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    if (socket.localPort !== port) return;
    delete request.headers[REFUSAL_HEADER];
    const refusal = refusalOf(request.method ?? "", request.url ?? "/");
    if (!refusal) return;
    request.headers[REFUSAL_HEADER] = encodeRefusal(refusal);
    // HEAD stays HEAD: Node has already decided that the answer carries no body.
    request.method = request.method === "HEAD" ? "HEAD" : "GET";
    request.url = REFUSAL_ROUTE;
  });
}
