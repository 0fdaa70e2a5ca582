import { providerName, type ProviderId } from "@/lib/models/providers";
import { ProviderError, type ProviderErrorOptions } from "./types";

/** The machine codes every adapter uses on ProviderError, whatever the provider's own vocabulary. */
export const PROVIDER_ERROR_CODES = [
  "unauthorized",
  "invalid_request",
  "insufficient_balance",
  "rate_limited",
  "content_policy",
  "provider_error",
  "not_found",
  "malformed_response",
  "network_error",
  "timeout",
  "unknown_status",
  "input_unreachable",
] as const;
export type ProviderErrorCode = (typeof PROVIDER_ERROR_CODES)[number];

/** The code an HTTP status implies when the body says nothing more specific. */
export function codeForHttpStatus(status: number): ProviderErrorCode {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 402) return "insufficient_balance";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "provider_error";
  return "invalid_request";
}

/** Whether repeating the same call later may succeed. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Wording providers use when a safety filter stopped a prompt or an image. */
const CONTENT_POLICY_TEXT =
  /content[\s_-]*(policy|moderation|filter|inspection)|nsfw|unsafe|safety|moderat|inappropriate|sensitive|prohibited|violat/i;

export function looksLikeContentPolicy(text: string): boolean {
  return CONTENT_POLICY_TEXT.test(text);
}

/**
 * Wording of a job failed because the provider could not fetch or read an input image (the
 * simulator's "could not fetch input image 1: …"; real providers' wording is not documented, so
 * this is a reading of likely phrasings).
 */
const INPUT_UNREACHABLE_TEXT =
  /(fetch|download|retriev|load|access|read)\w*\s+(the\s+)?(input\s+)?image|image[\s_-]*(url|link)\s+(is\s+)?(unreachable|inaccessible|invalid|expired)/i;

/** The code of a failed job's reason: content policy, an input it could not fetch, else provider_error. */
export function codeForFailureText(text: string): ProviderErrorCode {
  if (looksLikeContentPolicy(text)) return "content_policy";
  if (INPUT_UNREACHABLE_TEXT.test(text)) return "input_unreachable";
  return "provider_error";
}

/**
 * Reads a code from free text, for providers (shortapi) that report errors on HTTP 200 with only a
 * message. Undefined when the text gives no clue.
 */
export function codeForErrorText(text: string): ProviderErrorCode | undefined {
  if (looksLikeContentPolicy(text)) return "content_policy";
  if (/insufficient|balance|credit|quota exceeded|arrear/i.test(text)) return "insufficient_balance";
  if (/unauthori[sz]ed|api[\s_-]*key|forbidden|access denied/i.test(text)) return "unauthorized";
  if (/too many requests|rate[\s_-]*limit|throttl/i.test(text)) return "rate_limited";
  if (/not found|no such job|unknown job/i.test(text)) return "not_found";
  return undefined;
}

/** The first non-empty string among the candidates; providers put error text in varying fields. */
export function firstText(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    if (typeof candidate === "string" && candidate.trim()) return candidate.trim();
  }
  return undefined;
}

export type ErrorDetails = Omit<ProviderErrorOptions, "provider" | "code" | "message">;

/** A ProviderError whose message starts with the provider's name, as every adapter's messages do. */
export function providerError(
  provider: ProviderId,
  code: ProviderErrorCode,
  message: string,
  details: ErrorDetails,
): ProviderError {
  return new ProviderError({
    ...details,
    provider,
    code,
    message: `${providerName(provider)}: ${message}`,
  });
}

/**
 * The code for a refused call: statuses that speak for themselves (401, 402, 404, 429, 5xx…) win;
 * a plain 400 is refined by the provider's wording (e.g. "insufficient balance" sent as a 400).
 */
export function codeForFailure(status: number, text: string | undefined): ProviderErrorCode {
  const byStatus = codeForHttpStatus(status);
  if (byStatus !== "invalid_request") return byStatus;
  return (text && codeForErrorText(text)) || "invalid_request";
}
