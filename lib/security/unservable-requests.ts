import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { REFUSAL_HEADER, REFUSAL_ROUTE, encodeRefusal, refusalOf } from "./request-refusal";

const globalForGuard = globalThis as typeof globalThis & { prismUnservableRequests?: boolean };

/**
 * Some requests fail inside Next before any of our code (proxy.ts included) runs, as a bare 500:
 * TRACE, because Next builds a fetch Request for it and fetch forbids the method, and a path that
 * is not valid percent-encoding, whose DecodeError Next fails to recognise (vercel/next.js#94278).
 * Node announces every request on this channel before the server's handler sees it, so a request
 * like that is sent on to the refusal route, which answers with the error envelope. The header
 * that describes the refusal is removed from every other request, so a client cannot send it.
 */
export function refuseUnservableRequests(): void {
  if (globalForGuard.prismUnservableRequests) return;
  globalForGuard.prismUnservableRequests = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    delete request.headers[REFUSAL_HEADER];
    const refusal = refusalOf(request.method ?? "", request.url ?? "/");
    if (!refusal) return;
    request.headers[REFUSAL_HEADER] = encodeRefusal(refusal);
    // HEAD stays HEAD: Node has already decided that the answer carries no body.
    request.method = request.method === "HEAD" ? "HEAD" : "GET";
    request.url = REFUSAL_ROUTE;
  });
}
