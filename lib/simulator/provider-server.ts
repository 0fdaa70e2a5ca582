import { createServer, type Server } from "node:http";
import { redactHeaders } from "./call-log";
import type { SimulatorContext } from "./context";
import type { FaultRule, RequestKind, SimulatedProvider } from "./faults";
import {
  htmlReply,
  jsonReply,
  readRequest,
  type Reply,
  sendReply,
  type SimRequest,
  sleep,
} from "./http-utils";
import { cdnErrorReply, isImageRequest } from "./image-store";

export type AuthResult = "ok" | "missing" | "invalid";

export interface Endpoint {
  kind: Exclude<RequestKind, "image">;
  handle(request: SimRequest): Promise<Reply> | Reply;
}

/** What makes one provider's server different from the others; the pipeline around it is shared. */
export interface ProviderProtocol {
  provider: SimulatedProvider;
  /** The endpoint for this request, or undefined for the provider's own 404. */
  route(request: SimRequest): Endpoint | undefined;
  notFound(request: SimRequest): Reply;
  authenticate(request: SimRequest): AuthResult;
  unauthorized(result: Exclude<AuthResult, "ok">): Reply;
  /** The provider's own error body for an HTTP status (used by "status" faults and crashes). */
  errorReply(status: number, retryAfterSeconds?: number): Reply;
}

const DEFAULT_FAULT_DELAY_MS = 1000;
const BAD_GATEWAY_HTML = [
  "<html>",
  "<head><title>502 Bad Gateway</title></head>",
  "<body>",
  "<center><h1>502 Bad Gateway</h1></center>",
  "<hr><center>nginx</center>",
  "</body>",
  "</html>",
  "",
].join("\r\n");
// Non-JSON bodies are logged as text, capped so one odd upload cannot bloat the log.
const BODY_LOG_LIMIT = 20_000;

function loggedBody(request: SimRequest): unknown {
  if (request.rawBody.length === 0) return null;
  if (!request.jsonError) return request.json;
  return request.rawBody.toString("utf8").slice(0, BODY_LOG_LIMIT);
}

function faultReply(rule: FaultRule, errorReply: (status: number, retryAfter?: number) => Reply): Reply {
  const status = rule.status ?? 500;
  const reply = rule.body === undefined ? errorReply(status, rule.retryAfter) : jsonReply(status, rule.body);
  if (rule.retryAfter === undefined) return reply;
  return { ...reply, headers: { ...reply.headers, "retry-after": String(Math.ceil(rule.retryAfter)) } };
}

function truncate(reply: Reply): Reply {
  const body = typeof reply.body === "string" ? Buffer.from(reply.body, "utf8") : reply.body;
  return { ...reply, body: body.subarray(0, Math.floor(body.length / 2)) };
}

/**
 * One provider's HTTP server: reads the request, logs it, applies the first matching fault rule,
 * serves images from /cdn/, checks the key, then lets the protocol answer.
 */
export function createProviderServer(protocol: ProviderProtocol, context: SimulatorContext): Server {
  const { provider } = protocol;

  async function answer(
    request: SimRequest,
    endpoint: Endpoint | undefined,
    auth: AuthResult,
  ): Promise<Reply> {
    if (isImageRequest(request)) return context.images.reply(request);
    if (!endpoint) return protocol.notFound(request);
    if (auth !== "ok") return protocol.unauthorized(auth);
    try {
      return await endpoint.handle(request);
    } catch (error) {
      console.error(`[simulator] ${provider} handler failed`, error);
      return protocol.errorReply(500);
    }
  }

  return createServer((incoming, response) => {
    void (async () => {
      let request: SimRequest;
      try {
        request = await readRequest(incoming, context.origins[provider] || "http://localhost");
      } catch {
        sendReply(response, protocol.errorReply(400));
        return;
      }
      const image = isImageRequest(request);
      const endpoint = image ? undefined : protocol.route(request);
      const kind: RequestKind = image ? "image" : (endpoint?.kind ?? "other");
      const auth = image ? "ok" : protocol.authenticate(request);
      context.calls.add({
        provider,
        method: request.method,
        path: request.url.pathname + request.url.search,
        headers: redactHeaders(request.headers),
        authOk: auth === "ok",
        body: loggedBody(request),
        at: new Date().toISOString(),
      });

      const fault = context.faults.take(provider, kind);
      const errorReply = image ? (status: number) => cdnErrorReply(status) : protocol.errorReply;
      if (fault?.kind === "status") return sendReply(response, faultReply(fault, errorReply), request.method);
      if (fault?.kind === "html")
        return sendReply(response, htmlReply(502, BAD_GATEWAY_HTML), request.method);
      if (fault?.kind === "delay") {
        const resets = context.resets;
        await sleep(fault.delayMs ?? DEFAULT_FAULT_DELAY_MS, context.signal);
        // Held across a reset, it would create a job and take an outcome meant for what came after.
        if (context.resets !== resets) {
          incoming.socket.destroy();
          return;
        }
      }

      // Drop and truncate still let the request take effect: a create whose answer is lost may
      // have created the job, which is exactly what adapters must not blindly resubmit.
      const reply = await answer(request, endpoint, auth);
      if (fault?.kind === "drop") {
        incoming.socket.destroy();
        return;
      }
      sendReply(response, fault?.kind === "truncated" ? truncate(reply) : reply, request.method);
    })();
  });
}
