import type { z } from "zod";
import type { ProviderId } from "@/lib/models/types";
import {
  firstText,
  isRetryableStatus,
  providerError,
  type ErrorDetails,
  type ProviderErrorCode,
} from "./errors";
import type { ProviderConfig, ProviderError } from "./types";

/** Used when ProviderConfig.timeoutMs is unset. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** Provider text quoted in our messages is cut here: a gateway may answer with a whole page. */
const MAX_QUOTED_LENGTH = 300;
/** Failures where the request provably never left this machine, so a resend cannot double-charge. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ERR_INVALID_URL"]);

/**
 * What a call is for. A "submit" that gets no answer may still have been carried out (and billed),
 * which the runner must know before it resends.
 */
export type CallKind = "submit" | "poll";

export interface JsonCall {
  kind: CallKind;
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  /** Serialised as JSON when present. */
  body?: unknown;
}

export interface JsonResponse {
  kind: CallKind;
  status: number;
  statusText: string;
  ok: boolean;
  /**
   * Parsed JSON. Undefined only for a 4xx whose body is empty or not JSON: the status alone then
   * tells the adapter what went wrong.
   */
  body: unknown;
  retryAfterSeconds?: number;
}

/**
 * A refusal as the adapter reads it: the vendor's code choice is the adapter's, the wording and the
 * retry rule are the same for every provider.
 */
export interface Refusal {
  code: ProviderErrorCode;
  /** The provider's own words (see refusalText). */
  text: string;
  /** Shown in parentheses: the HTTP status unless the vendor has a better code; null for none. */
  reference?: string | null;
  /** Plain words put first when the code deserves them, e.g. "insufficient balance". */
  lead?: string;
  /** Defaults to the Retry-After header. */
  retryAfterSeconds?: number;
}

/** Codes worth retrying whatever the HTTP status said (a throttle or an internal error sent as 400). */
const RETRYABLE_CODES: ReadonlySet<ProviderErrorCode> = new Set([
  "rate_limited",
  "provider_error",
  "timeout",
]);

/** The first of the provider's text fields that says something, else the status line. */
export function refusalText(response: JsonResponse, ...candidates: unknown[]): string {
  return firstText(...candidates, response.statusText) ?? `HTTP ${response.status}`;
}

/** The transport one adapter uses: fetch with a deadline, tolerant JSON, and key-safe errors. */
export interface ProviderTransport {
  call(request: JsonCall): Promise<JsonResponse>;
  /** Builds a ProviderError whose message starts with the provider's name and never holds the key. */
  error(code: ProviderErrorCode, message: string, details: ErrorDetails): ProviderError;
  /**
   * The ProviderError for a refused call: "<lead> (<reference>): <text>" or "<text> (<reference>)",
   * retryable for a retryable status or code.
   */
  refusal(response: JsonResponse, refusal: Refusal): ProviderError;
  /** Validates a 2xx body against the adapter's minimal schema; a mismatch is malformed_response. */
  parse<S extends z.ZodType>(schema: S, response: JsonResponse, what: string): z.output<S>;
}

/** Seconds from a Retry-After header (delta-seconds or HTTP-date); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Shortens provider text for a message. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_QUOTED_LENGTH ? `${flat.slice(0, MAX_QUOTED_LENGTH)}…` : flat;
}

function errorCode(error: unknown): string | undefined {
  // undici wraps socket errors: TypeError("fetch failed", { cause: { code: "ECONNRESET" } }).
  for (let current = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "TimeoutError" || name === "AbortError";
}

export function createProviderTransport(
  provider: ProviderId,
  config: ProviderConfig,
  defaultTimeoutMs: number = DEFAULT_TIMEOUT_MS,
): ProviderTransport {
  const error: ProviderTransport["error"] = (code, message, details) => {
    // Some APIs echo the credential back in auth errors; it must never reach a log or the browser.
    const safe = config.apiKey ? message.split(config.apiKey).join("[redacted]") : message;
    return providerError(provider, code, safe, details);
  };

  const transportError = (request: JsonCall, cause: unknown, phase: "send" | "read"): ProviderError => {
    const timedOut = isTimeout(cause);
    const socketCode = errorCode(cause);
    const neverSent =
      phase === "send" && !timedOut && socketCode !== undefined && NOT_SENT_CODES.has(socketCode);
    const outcomeUnknown = request.kind === "submit" && !neverSent;
    const what = timedOut
      ? `${request.kind} timed out after ${config.timeoutMs ?? defaultTimeoutMs} ms`
      : `connection failed during ${request.kind}${socketCode ? ` (${socketCode})` : ""}`;
    const consequence = outcomeUnknown ? "; the provider may still have accepted the request" : "";
    return error(timedOut ? "timeout" : "network_error", `${what}${consequence}`, {
      retryable: true,
      outcomeUnknown,
    });
  };

  async function call(request: JsonCall): Promise<JsonResponse> {
    const signal = AbortSignal.timeout(config.timeoutMs ?? defaultTimeoutMs);
    const init: RequestInit = { method: request.method, headers: request.headers, signal };
    if (request.body !== undefined) init.body = JSON.stringify(request.body);

    let response: Response;
    try {
      response = await config.fetch(request.url, init);
    } catch (cause) {
      throw transportError(request, cause, "send");
    }

    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw transportError(request, cause, "read");
    }

    const result = {
      kind: request.kind,
      status: response.status,
      statusText: response.statusText,
      ok: response.ok,
      retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")),
    };
    try {
      return { ...result, body: JSON.parse(text) as unknown };
    } catch {
      if (response.status >= 400 && response.status < 500) return { ...result, body: undefined };
      const shape =
        text.trim() === "" ? "an empty body" : /^\s*</.test(text) ? "HTML" : "invalid or truncated JSON";
      throw error("malformed_response", `expected JSON, got ${shape} (HTTP ${response.status})`, {
        // An unreadable body is usually a cut connection; reading a status again costs nothing.
        retryable: response.status >= 500 || request.kind === "poll",
        status: response.status,
        retryAfterSeconds: result.retryAfterSeconds,
        // The provider answered, but we cannot read whether it accepted the job.
        outcomeUnknown: request.kind === "submit" && response.ok,
      });
    }
  }

  const refusal: ProviderTransport["refusal"] = (response, { code, text, lead, ...details }) => {
    const reference = details.reference === undefined ? String(response.status) : details.reference;
    const quoted = quote(text);
    const message = lead
      ? `${lead}${reference === null ? "" : ` (${reference})`}: ${quoted}`
      : `${quoted}${reference === null ? "" : ` (${reference})`}`;
    return error(code, message, {
      status: response.status,
      retryable: isRetryableStatus(response.status) || RETRYABLE_CODES.has(code),
      retryAfterSeconds: details.retryAfterSeconds ?? response.retryAfterSeconds,
    });
  };

  const parse: ProviderTransport["parse"] = (schema, response, what) => {
    const parsed = schema.safeParse(response.body);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
    throw error(
      "malformed_response",
      `unexpected ${what} (HTTP ${response.status}): ${where}: ${issue?.message ?? "invalid"}`,
      {
        retryable: false,
        status: response.status,
        outcomeUnknown: response.kind === "submit" && response.ok,
      },
    );
  };

  return { call, error, refusal, parse };
}
