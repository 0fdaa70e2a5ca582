/**
 * Set by lib/server/node-http-hooks.ts on every incoming request to the socket's address, replacing
 * anything the client sent under that name.
 */
export const PEER_ADDRESS_HEADER = "x-prism-peer-address";

/**
 * Who is asking, for rate limits. X-Forwarded-For is only believed behind our own proxy
 * (PRISM_TRUST_PROXY=1), and then only its last entry: the address that proxy saw. Earlier
 * entries are whatever the client wrote.
 */
export function clientAddress(headers: Headers, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers
      .get("x-forwarded-for")
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) return forwarded;
  }
  return headers.get(PEER_ADDRESS_HEADER) ?? "unknown";
}
