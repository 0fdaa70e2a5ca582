import { codeForFailureText, firstText, providerError } from "../errors";
import type { PollResult } from "../types";
import { SHORTAPI_IMAGE_ARGS, type ShortapiCreateBody, type ShortapiJob } from "./wire";

/**
 * `params` must be the model schema's parsed output: it holds exactly the model's documented args,
 * so gpt-image-2 gets only `size` next to the prompt.
 */
export function toCreateBody(
  providerModel: string,
  prompt: string,
  params: Record<string, unknown>,
  callbackUrl?: string,
  inputImages: readonly string[] = [],
): ShortapiCreateBody {
  const body: ShortapiCreateBody = { model: providerModel, args: { prompt, ...params } };
  // An edit model's inputs go where the model takes them: a list (the first `max`) or one URL.
  const images = Object.hasOwn(SHORTAPI_IMAGE_ARGS, providerModel)
    ? SHORTAPI_IMAGE_ARGS[providerModel]
    : undefined;
  if (images && inputImages.length > 0) {
    body.args[images.field] = images.max === 1 ? inputImages[0] : inputImages.slice(0, images.max);
  }
  if (callbackUrl) body.callback_url = callbackUrl;
  return body;
}

/** Parses a decimal USD amount such as "0.02"; undefined when absent or not a plain non-negative number. */
export function parseAmount(amount: unknown): number | undefined {
  if (typeof amount === "number") return Number.isFinite(amount) && amount >= 0 ? amount : undefined;
  if (typeof amount !== "string" || !/^\s*\d+(\.\d+)?\s*$/.test(amount)) return undefined;
  return Number(amount);
}

// The numeric status is documented; these strings appear in shortapi's agent-skill docs (§2.6).
const SUCCEEDED_WORDS = new Set(["succeeded", "completed", "success"]);
const FAILED_WORDS = new Set(["failed", "error", "cancelled", "canceled"]);
const QUEUED_WORDS = new Set(["queued", "pending", "created"]);
const RUNNING_WORDS = new Set(["running", "processing", "in_progress"]);

type Phase = "queued" | "running" | "succeeded" | "failed" | "unknown";

function phaseOf(status: number | string): Phase {
  const numeric =
    typeof status === "number" ? status : /^\s*-?\d+\s*$/.test(status) ? Number(status) : undefined;
  if (numeric !== undefined) {
    if (numeric === 0) return "queued";
    if (numeric === 1) return "running";
    if (numeric === 2) return "succeeded";
    return "failed";
  }
  const word = String(status).trim().toLowerCase();
  if (QUEUED_WORDS.has(word)) return "queued";
  if (RUNNING_WORDS.has(word)) return "running";
  if (SUCCEEDED_WORDS.has(word)) return "succeeded";
  if (FAILED_WORDS.has(word)) return "failed";
  return "unknown";
}

/** Maps a query's `data` to our states (docs/providers.md §2.6–2.7, §8). */
export function toPollResult(job: ShortapiJob): PollResult {
  const phase = phaseOf(job.status);
  if (phase === "queued" || phase === "running") return { state: phase };

  if (phase === "unknown") {
    return {
      state: "failed",
      error: providerError("shortapi", "unknown_status", `unknown status "${String(job.status)}"`, {
        retryable: false,
      }),
    };
  }

  if (phase === "succeeded") {
    const outputs = (job.result?.images ?? []).map((image) => ({ url: image.url }));
    if (outputs.length > 0) return { state: "succeeded", outputs };
    return {
      state: "failed",
      error: providerError("shortapi", "provider_error", "job succeeded but returned no images", {
        retryable: false,
      }),
    };
  }

  const reason = firstText(job.error, job.message) ?? `job failed (status ${String(job.status)})`;
  return {
    state: "failed",
    error: providerError("shortapi", codeForFailureText(reason), reason, {
      retryable: false,
      charged: job.refunded === true ? false : undefined,
    }),
  };
}
