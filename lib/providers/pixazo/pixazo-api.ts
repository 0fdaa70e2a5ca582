import { z } from "zod";
import { codeForHttpStatus, firstText, isRetryableStatus } from "../errors";
import { createHttpClient, quote, type HttpClient, type JsonResponse } from "../http";
import type { ProviderConfig } from "../types";

/** The 202 answer to a submit (providers.md §3.5). */
const submitResponseSchema = z.object({
  request_id: z.string().min(1),
  status: z.string().optional(),
  polling_url: z.string().optional(),
});
export type PixazoSubmitted = z.output<typeof submitResponseSchema>;

/** A status object, as polled or pushed by the webhook; unknown fields are ignored. */
export const pixazoStatusSchema = z.object({
  request_id: z.string().optional(),
  status: z.string(),
  output: z.object({ media_url: z.union([z.array(z.string()), z.string()]).nullish() }).nullish(),
  error: z.unknown().optional(),
});
export type PixazoStatus = z.output<typeof pixazoStatusSchema>;

/** Gateway bodies: `{error, message}` from pixazo, `{statusCode, message}` from Azure APIM (§3.7). */
const errorBodySchema = z.object({ message: z.unknown().optional(), error: z.unknown().optional() });

export interface PixazoApi {
  submit(path: string, body: Record<string, unknown>, webhookUrl?: string): Promise<PixazoSubmitted>;
  status(url: string): Promise<PixazoStatus>;
}

/** APIM's 429 text says "Try again in N seconds" when no Retry-After header came along. */
function retryAfterFromText(text: string): number | undefined {
  const match = /try again in (\d+) seconds?/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

function throwIfRefused(http: HttpClient, response: JsonResponse): void {
  if (response.ok) return;
  const fields = errorBodySchema.safeParse(response.body ?? {}).data;
  const text = firstText(fields?.message, fields?.error, response.statusText) ?? `HTTP ${response.status}`;
  const code = codeForHttpStatus(response.status);
  const message =
    code === "insufficient_balance"
      ? `insufficient balance (${response.status}): ${quote(text)}`
      : `${quote(text)} (${response.status})`;
  throw http.error(code, message, {
    status: response.status,
    retryable: isRetryableStatus(response.status),
    retryAfterSeconds:
      response.retryAfterSeconds ?? (code === "rate_limited" ? retryAfterFromText(text) : undefined),
  });
}

export function createPixazoApi(config: ProviderConfig): PixazoApi {
  const http = createHttpClient("pixazo", config);
  const keyHeaders = { "Ocp-Apim-Subscription-Key": config.apiKey, "Cache-Control": "no-cache" };

  return {
    async submit(path, body, webhookUrl) {
      const response = await http.call({
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
      throwIfRefused(http, response);
      return http.parse(submitResponseSchema, response, "submit response");
    },

    async status(url) {
      const response = await http.call({ kind: "poll", method: "GET", url, headers: keyHeaders });
      throwIfRefused(http, response);
      return http.parse(pixazoStatusSchema, response, "status response");
    },
  };
}
