import "server-only";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER } from "./client-address";

const globalForPeer = globalThis as typeof globalThis & { prismPeerAddress?: boolean };

/**
 * Route handlers never see the socket, and Next keeps a client-sent X-Forwarded-For, so rate limits
 * could be dodged by inventing one. Node announces every request on this channel before any
 * handler runs; the socket's address is written into a header only we set, overwriting a forged one.
 */
export function recordPeerAddresses(): void {
  if (globalForPeer.prismPeerAddress) return;
  globalForPeer.prismPeerAddress = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "unknown";
  });
}
