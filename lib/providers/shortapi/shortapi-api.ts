import { z } from "zod";
import { codeForFailure, firstText, isRetryableStatus } from "../errors";
import { createHttpClient, quote, type CallKind, type HttpClient, type JsonResponse } from "../http";
import type { ProviderConfig } from "../types";
import type { ShortapiCreateBody } from "./transform";

/** Every shortapi answer: `code` 0 means success, even on HTTP 200 a non-zero code is a refusal (§2.8). */
const envelopeSchema = z.object({
  code: z.union([z.number(), z.string()]).nullish(),
  info: z.unknown().optional(),
  message: z.unknown().optional(),
  error: z.unknown().optional(),
});

const jobIdSchema = z.union([z.string().min(1), z.number()]).transform(String);

const createResponseSchema = z.object({
  data: z.object({ job_id: jobIdSchema.optional(), amount: z.unknown().optional() }).nullish(),
  // The seed's own examples read job_id from the top level (a doc bug, §2.5); harmless to accept.
  job_id: jobIdSchema.optional(),
});

/** The `data` of a job query; unknown fields are ignored. */
export const shortapiJobSchema = z.object({
  status: z.union([z.number(), z.string()]),
  result: z.object({ images: z.array(z.object({ url: z.string().min(1) })).nullish() }).nullish(),
  error: z.unknown().optional(),
  message: z.unknown().optional(),
  refunded: z.unknown().optional(),
});
export type ShortapiJob = z.output<typeof shortapiJobSchema>;

const queryResponseSchema = z.object({ data: shortapiJobSchema });

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
function checkEnvelope(http: HttpClient, response: JsonResponse): void {
  const envelope = envelopeSchema.safeParse(response.body ?? {});
  const fields = envelope.success ? envelope.data : undefined;
  const code = fields?.code === undefined || fields.code === null ? undefined : Number(fields.code);
  // Without a code, only the shape of `data` (checked by the caller) tells success.
  if (response.ok && (code === 0 || code === undefined)) return;

  const text =
    firstText(fields?.info, fields?.message, fields?.error, response.statusText) ?? `HTTP ${response.status}`;
  // On HTTP 200 the envelope's code is the only status there is; it is often an HTTP-like number.
  const status = response.ok ? (code !== undefined && isHttpStatus(code) ? code : 400) : response.status;
  const errorCode = codeForFailure(status, text);
  throw http.error(errorCode, response.ok ? quote(text) : `${quote(text)} (${response.status})`, {
    status: response.status,
    retryable: isRetryableStatus(status) || errorCode === "rate_limited",
    retryAfterSeconds: response.retryAfterSeconds,
  });
}

export function createShortapiApi(config: ProviderConfig): ShortapiApi {
  const http = createHttpClient("shortapi", config);
  const headers = (kind: CallKind): Record<string, string> => ({
    Authorization: `Bearer ${config.apiKey}`,
    Accept: "application/json",
    ...(kind === "submit" ? { "Content-Type": "application/json" } : {}),
  });

  return {
    async createJob(body) {
      const response = await http.call({
        kind: "submit",
        method: "POST",
        url: `${config.baseUrl}/api/v1/job/create`,
        headers: headers("submit"),
        body,
      });
      checkEnvelope(http, response);
      const created = http.parse(createResponseSchema, response, "create response");
      const jobId = created.data?.job_id ?? created.job_id;
      if (!jobId) {
        throw http.error("malformed_response", `create response has no job_id (HTTP ${response.status})`, {
          status: response.status,
          retryable: false,
          outcomeUnknown: true,
        });
      }
      return { jobId, amount: created.data?.amount };
    },

    async queryJob(jobId) {
      const response = await http.call({
        kind: "poll",
        method: "GET",
        url: `${config.baseUrl}/api/v1/job/query?id=${encodeURIComponent(jobId)}`,
        headers: headers("poll"),
      });
      checkEnvelope(http, response);
      return http.parse(queryResponseSchema, response, "query response").data;
    },
  };
}
