import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request as every simulator handler sees it: already read, body parsed when it is JSON. */
export interface SimRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The parsed JSON body; undefined when the body is empty or not JSON (see `jsonError`). */
  json: unknown;
  jsonError: boolean;
}

/** What a handler answers. Handlers return replies instead of writing, so faults can rewrite them. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

// Large enough for any prompt, small enough that a runaway client cannot exhaust memory.
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readRequest(request: IncomingMessage, origin: string): Promise<SimRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error("request body too large");
    chunks.push(buffer);
  }
  const rawBody = Buffer.concat(chunks);
  let json: unknown;
  let jsonError = false;
  if (rawBody.length > 0) {
    try {
      json = JSON.parse(rawBody.toString("utf8"));
    } catch {
      jsonError = true;
    }
  }
  return {
    method: request.method ?? "GET",
    url: new URL(request.url ?? "/", origin),
    headers: request.headers,
    rawBody,
    json,
    jsonError,
  };
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(value),
  };
}

export function xmlReply(status: number, xml: string): Reply {
  return { status, headers: { "content-type": "application/xml" }, body: xml };
}

export function htmlReply(status: number, html: string): Reply {
  return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: html };
}

export function sendReply(response: ServerResponse, reply: Reply, method = "GET"): void {
  const body = typeof reply.body === "string" ? Buffer.from(reply.body, "utf8") : reply.body;
  response.writeHead(reply.status, { ...reply.headers, "content-length": String(body.length) });
  response.end(method === "HEAD" ? undefined : body);
}

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(", ") : value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // fetch keeps sockets alive; without this close() would wait for them to idle out.
    server.closeAllConnections();
  });
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
