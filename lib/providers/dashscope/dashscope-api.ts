import { z } from "zod";
import { codeForHttpStatus, firstText, isRetryableStatus, type ProviderErrorCode } from "../errors";
import { createHttpClient, quote, type HttpClient, type JsonResponse } from "../http";
import type { ProviderConfig } from "../types";
import type { DashscopeGenerationBody } from "./transform";

/** A generation takes seconds; the SDK waits up to 300 s, we settle for 120 s (providers.md §4.6). */
const GENERATION_TIMEOUT_MS = 120_000;

/** The parts of a 200 answer we read (providers.md §4.3); unknown fields are ignored. */
const generationSchema = z.object({
  request_id: z.string().optional(),
  output: z.object({
    choices: z.array(
      z.object({ message: z.object({ content: z.array(z.record(z.string(), z.unknown())) }) }),
    ),
  }),
  usage: z.object({ width: z.number().optional(), height: z.number().optional() }).nullish(),
});
export type DashscopeGeneration = z.output<typeof generationSchema>;

/** `{request_id, code, message}` on any refusal (providers.md §4.4). */
const errorBodySchema = z.object({
  code: z.unknown().optional(),
  message: z.unknown().optional(),
  msg: z.unknown().optional(),
});

/** DashScope's own codes say more than the HTTP status; first matching prefix wins. */
const CODE_RULES: [prefix: string, code: ProviderErrorCode][] = [
  ["DataInspectionFailed", "content_policy"],
  ["Throttling", "rate_limited"],
  ["InvalidApiKey", "unauthorized"],
  ["AccessDenied", "unauthorized"],
  ["Arrearage", "insufficient_balance"],
  ["ModelNotFound", "not_found"],
  ["RequestTimeOut", "timeout"],
  ["InternalError", "provider_error"],
  ["InvalidParameter", "invalid_request"],
  ["BadRequest", "invalid_request"],
];

/** Retryable whatever the HTTP status says, e.g. a throttle or an InternalError sent as 400. */
const RETRYABLE_CODES: ReadonlySet<ProviderErrorCode> = new Set([
  "rate_limited",
  "provider_error",
  "timeout",
]);

function codeFor(nativeCode: string | undefined, status: number): ProviderErrorCode {
  const rule = nativeCode ? CODE_RULES.find(([prefix]) => nativeCode.startsWith(prefix)) : undefined;
  return rule?.[1] ?? codeForHttpStatus(status);
}

type ErrorBody = z.output<typeof errorBodySchema>;

function refusal(http: HttpClient, response: JsonResponse, fields: ErrorBody | undefined) {
  const nativeCode = firstText(fields?.code);
  const text = firstText(fields?.message, fields?.msg, response.statusText) ?? `HTTP ${response.status}`;
  const code = codeFor(nativeCode, response.status);
  const reference = nativeCode ?? String(response.status);
  const message =
    code === "content_policy"
      ? `content inspection failed (${reference}): ${quote(text)}`
      : `${quote(text)} (${reference})`;
  return http.error(code, message, {
    status: response.status,
    retryable: isRetryableStatus(response.status) || RETRYABLE_CODES.has(code),
    retryAfterSeconds: response.retryAfterSeconds,
  });
}

export interface DashscopeApi {
  /** One synchronous generation; resolves with the image, throws ProviderError otherwise. */
  generate(body: DashscopeGenerationBody): Promise<DashscopeGeneration>;
}

export function createDashscopeApi(config: ProviderConfig): DashscopeApi {
  const http = createHttpClient("dashscope", config, GENERATION_TIMEOUT_MS);
  return {
    async generate(body) {
      const response = await http.call({
        // The POST both generates and bills: a lost answer means an unknown outcome.
        kind: "submit",
        method: "POST",
        url: `${config.baseUrl}/services/aigc/multimodal-generation/generation`,
        headers: { Authorization: `Bearer ${config.apiKey}`, "Content-Type": "application/json" },
        body,
      });
      const fields = errorBodySchema.safeParse(response.body ?? {}).data;
      const hasOutput =
        typeof response.body === "object" && response.body !== null && "output" in response.body;
      // Tolerate a refusal reported as 200 with a code and no output, as other DashScope APIs do.
      if (!response.ok || (firstText(fields?.code) && !hasOutput)) throw refusal(http, response, fields);
      return http.parse(generationSchema, response, "generation response");
    },
  };
}
