import { codeForHttpStatus } from "../errors";
import {
  createProviderTransport,
  refusalText,
  type JsonResponse,
  type ProviderTransport,
} from "../provider-transport";
import type { ProviderConfig } from "../types";
import {
  errorBodySchema,
  pixazoStatusSchema,
  submitResponseSchema,
  type PixazoStatus,
  type PixazoSubmitted,
} from "./wire";

export interface PixazoApi {
  submit(path: string, body: Record<string, unknown>, webhookUrl?: string): Promise<PixazoSubmitted>;
  status(url: string): Promise<PixazoStatus>;
}

/** APIM's 429 text says "Try again in N seconds" when no Retry-After header came along. */
function retryAfterFromText(text: string): number | undefined {
  const match = /try again in (\d+) seconds?/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

/** pixazo's HTTP status says it all; its body only adds words. */
function throwIfRefused(transport: ProviderTransport, response: JsonResponse): void {
  if (response.ok) return;
  const fields = errorBodySchema.safeParse(response.body ?? {}).data;
  const text = refusalText(response, fields?.message, fields?.error);
  const code = codeForHttpStatus(response.status);
  throw transport.refusal(response, {
    code,
    text,
    lead: code === "insufficient_balance" ? "insufficient balance" : undefined,
    retryAfterSeconds:
      response.retryAfterSeconds ?? (code === "rate_limited" ? retryAfterFromText(text) : undefined),
  });
}

export function createPixazoApi(config: ProviderConfig): PixazoApi {
  const transport = createProviderTransport("pixazo", config);
  const keyHeaders = { "Ocp-Apim-Subscription-Key": config.apiKey, "Cache-Control": "no-cache" };

  return {
    async submit(path, body, webhookUrl) {
      const response = await transport.call({
        kind: "submit",
        method: "POST",
        url: `${config.baseUrl}${path}`,
        headers: {
          ...keyHeaders,
          "Content-Type": "application/json",
          ...(webhookUrl ? { "X-Webhook-URL": webhookUrl } : {}),
        },
        body,
      });
      throwIfRefused(transport, response);
      return transport.parse(submitResponseSchema, response, "submit response");
    },

    async status(url) {
      const response = await transport.call({ kind: "poll", method: "GET", url, headers: keyHeaders });
      throwIfRefused(transport, response);
      return transport.parse(pixazoStatusSchema, response, "status response");
    },
  };
}
