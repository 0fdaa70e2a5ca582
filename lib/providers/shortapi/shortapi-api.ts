import { codeForFailure } from "../errors";
import {
  createProviderTransport,
  refusalText,
  type CallKind,
  type JsonResponse,
  type ProviderTransport,
} from "../provider-transport";
import type { ProviderConfig } from "../types";
import {
  createResponseSchema,
  envelopeSchema,
  queryResponseSchema,
  type ShortapiCreateBody,
  type ShortapiJob,
} from "./wire";

export interface ShortapiCreated {
  jobId: string;
  /** `data.amount`, the price shortapi says it charged. */
  amount: unknown;
}

export interface ShortapiApi {
  createJob(body: ShortapiCreateBody): Promise<ShortapiCreated>;
  queryJob(jobId: string): Promise<ShortapiJob>;
}

function isHttpStatus(value: number): boolean {
  return Number.isInteger(value) && value >= 400 && value <= 599;
}

/** Throws the ProviderError a refused call maps to (HTTP non-2xx, or `code` present and not 0). */
function checkEnvelope(transport: ProviderTransport, response: JsonResponse): void {
  const fields = envelopeSchema.safeParse(response.body ?? {}).data;
  const code = fields?.code === undefined || fields.code === null ? undefined : Number(fields.code);
  // Without a code, only the shape of `data` (checked by the caller) tells success.
  if (response.ok && (code === 0 || code === undefined)) return;

  const text = refusalText(response, fields?.info, fields?.message, fields?.error);
  // On HTTP 200 the envelope's code is the only status there is; it is often an HTTP-like number.
  const status = response.ok ? (code !== undefined && isHttpStatus(code) ? code : 400) : response.status;
  throw transport.refusal(response, {
    code: codeForFailure(status, text),
    text,
    // "200" would say nothing about a refusal.
    reference: response.ok ? null : undefined,
  });
}

export function createShortapiApi(config: ProviderConfig): ShortapiApi {
  const transport = createProviderTransport("shortapi", config);
  const headers = (kind: CallKind): Record<string, string> => ({
    Authorization: `Bearer ${config.apiKey}`,
    Accept: "application/json",
    ...(kind === "submit" ? { "Content-Type": "application/json" } : {}),
  });

  return {
    async createJob(body) {
      const response = await transport.call({
        kind: "submit",
        method: "POST",
        url: `${config.baseUrl}/api/v1/job/create`,
        headers: headers("submit"),
        body,
      });
      checkEnvelope(transport, response);
      const created = transport.parse(createResponseSchema, response, "create response");
      const jobId = created.data?.job_id ?? created.job_id;
      if (!jobId) {
        throw transport.error(
          "malformed_response",
          `create response has no job_id (HTTP ${response.status})`,
          { status: response.status, retryable: false, outcomeUnknown: true },
        );
      }
      return { jobId, amount: created.data?.amount };
    },

    async queryJob(jobId) {
      const response = await transport.call({
        kind: "poll",
        method: "GET",
        url: `${config.baseUrl}/api/v1/job/query?id=${encodeURIComponent(jobId)}`,
        headers: headers("poll"),
      });
      checkEnvelope(transport, response);
      return transport.parse(queryResponseSchema, response, "query response").data;
    },
  };
}
