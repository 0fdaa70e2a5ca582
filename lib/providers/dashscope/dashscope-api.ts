import { codeForHttpStatus, firstText, type ProviderErrorCode } from "../errors";
import {
  createProviderTransport,
  refusalText,
  type JsonResponse,
  type ProviderTransport,
} from "../provider-transport";
import type { ProviderConfig } from "../types";
import {
  errorBodySchema,
  generationSchema,
  type DashscopeErrorBody,
  type DashscopeGeneration,
  type DashscopeGenerationBody,
} from "./wire";

/** A generation takes seconds; the SDK waits up to 300 s, we settle for 120 s (docs/providers.md §4.6). */
const GENERATION_TIMEOUT_MS = 120_000;

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

function codeFor(nativeCode: string | undefined, status: number): ProviderErrorCode {
  const rule = nativeCode ? CODE_RULES.find(([prefix]) => nativeCode.startsWith(prefix)) : undefined;
  return rule?.[1] ?? codeForHttpStatus(status);
}

/** The vendor's code names the refusal when there is one, and is quoted instead of the status. */
function refusal(
  transport: ProviderTransport,
  response: JsonResponse,
  fields: DashscopeErrorBody | undefined,
) {
  const nativeCode = firstText(fields?.code);
  const code = codeFor(nativeCode, response.status);
  return transport.refusal(response, {
    code,
    text: refusalText(response, fields?.message, fields?.msg),
    reference: nativeCode,
    lead: code === "content_policy" ? "content inspection failed" : undefined,
  });
}

export interface DashscopeApi {
  /** One synchronous generation; resolves with the image, throws ProviderError otherwise. */
  generate(body: DashscopeGenerationBody): Promise<DashscopeGeneration>;
}

export function createDashscopeApi(config: ProviderConfig): DashscopeApi {
  const transport = createProviderTransport("dashscope", config, GENERATION_TIMEOUT_MS);
  return {
    async generate(body) {
      const response = await transport.call({
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
      if (!response.ok || (firstText(fields?.code) && !hasOutput)) throw refusal(transport, response, fields);
      return transport.parse(generationSchema, response, "generation response");
    },
  };
}
