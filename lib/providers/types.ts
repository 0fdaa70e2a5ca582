import { errorBrand } from "@/lib/error-brand";
import type { ProviderId, ProviderOutput } from "@/lib/models/types";

export type { ProviderOutput } from "@/lib/models/types";

/** Minimal fetch signature, so tests can inject a replaying fetch. */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

export interface ProviderConfig {
  /** Read when a request is made, never cached in module scope, never logged. */
  apiKey: string;
  /** e.g. https://api.shortapi.ai, no trailing slash. */
  baseUrl: string;
  fetch: FetchLike;
  /** Aborts slow calls; the runner sets it per call. */
  timeoutMs?: number;
}

export interface SubmitInput {
  /** Our model id, e.g. "shortapi/z-image". */
  modelId: string;
  prompt: string;
  /** Params already validated by the model's zod schema (defaults applied). */
  params: Record<string, unknown>;
  /** Where the provider may notify us (shortapi callback_url, pixazo X-Webhook-URL). */
  callbackUrl?: string;
  /**
   * The run's input images this model takes, ready to send: data URIs or signed URLs as the
   * descriptor's `inputTransport` says, already cut to the model's `inputImages.max` (lib/jobs).
   * In order; empty for a text-to-image job. Adapters only place them in the body.
   */
  inputImages: readonly string[];
}

export type SubmitResult =
  /** Accepted; poll with this id (and URL, for pixazo's polling_url). */
  | { state: "pending"; providerJobId: string; pollingUrl?: string; costUsd?: number }
  /** Synchronous providers finish in submit. */
  | {
      state: "done";
      providerJobId?: string;
      outputs: ProviderOutput[];
      costUsd?: number;
      revisedPrompt?: string;
    };

export interface PollInput {
  modelId: string;
  providerJobId: string;
  pollingUrl?: string;
}

export type PollResult =
  | { state: "queued" }
  | { state: "running" }
  | { state: "succeeded"; outputs: ProviderOutput[]; costUsd?: number }
  | { state: "failed"; error: ProviderError };

/** The contract every provider adapter implements. */
export interface ImageProvider {
  readonly id: ProviderId;
  /** Sends the documented create request. Throws ProviderError when the provider refuses it. */
  submit(input: SubmitInput): Promise<SubmitResult>;
  /** Reads a job's state once. Throws ProviderError when the read itself fails (network, 5xx, 429). */
  poll(input: PollInput): Promise<PollResult>;
}

export type InputTransport = "data-uri" | "url";

/** How often the runner asks a provider about a pending job: starts at `initialMs`, eases to `maxMs`. */
export interface PollSchedule {
  initialMs: number;
  maxMs: number;
}

/**
 * Everything Prism knows about one provider besides its models, in one place: each provider folder
 * exports one from its settings.ts, and lib/providers/registry.ts collects them.
 */
export interface ProviderDescriptor<Id extends ProviderId = ProviderId> {
  id: Id;
  /** Shown to people and starting every error message; from lib/models/providers.ts. */
  name: string;
  /** Environment variables holding the key (absent: provider unavailable) and a base-URL override. */
  env: { apiKey: string; baseUrl: string };
  /** The production API root, without a trailing slash. */
  defaultBaseUrl: string;
  /**
   * Host suffixes (".example.com") where the provider serves result images besides its API host;
   * the image downloader fetches from nowhere else.
   */
  imageHosts: readonly string[];
  pollSchedule: PollSchedule;
  /**
   * How input images reach the provider: inline as base64 data URIs, or as URLs the provider
   * fetches (Prism's signed URL under PUBLIC_URL), which needs Prism reachable from the internet.
   */
  inputTransport: InputTransport;
  /**
   * How "Copy as code" (lib/code-export) replays an asynchronous job after the adapter's submit:
   * which field of the submit answer the poll call is made from (the adapter's `providerJobId` or
   * `pollingUrl`), and while which values of the poll answer's status field the job is still
   * pending. Absent for a synchronous provider.
   */
  codeExport?: {
    handle: { field: readonly string[]; as: "providerJobId" | "pollingUrl" };
    pendingWhile: { field: readonly string[]; values: readonly (string | number)[] };
  };
  create(config: ProviderConfig): ImageProvider;
}

export interface ProviderErrorOptions {
  provider: ProviderId;
  /** Stable machine code, e.g. "insufficient_balance", "content_policy", "rate_limited". */
  code: string;
  /** Readable, specific: "pixazo: insufficient balance (402)". Never contains a key. */
  message: string;
  /** True when trying the same call again later may succeed (429, 5xx, network). */
  retryable: boolean;
  /** HTTP status, when there was one. */
  status?: number;
  /** Seconds the provider asked us to wait (Retry-After). */
  retryAfterSeconds?: number;
  /**
   * True when the request may have reached the provider although we got no answer
   * (timeout or dropped connection after sending): resending could charge twice.
   */
  outcomeUnknown?: boolean;
  /**
   * For failed jobs: false when the provider says it did not bill (pixazo ERROR, a refunded
   * shortapi job); undefined when unknown.
   */
  charged?: boolean;
}

export class ProviderError extends Error {
  readonly provider: ProviderId;
  readonly code: string;
  readonly retryable: boolean;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly outcomeUnknown: boolean;
  readonly charged?: boolean;

  constructor(options: ProviderErrorOptions) {
    super(options.message);
    this.name = "ProviderError";
    this.provider = options.provider;
    this.code = options.code;
    this.retryable = options.retryable;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.charged = options.charged;
    PROVIDER_ERROR.mark(this);
  }
}

const PROVIDER_ERROR = errorBrand<ProviderError>("ProviderError");
/** Recognises a ProviderError from any copy of this module (lib/error-brand.ts); never use instanceof. */
export const isProviderError = PROVIDER_ERROR.is;
