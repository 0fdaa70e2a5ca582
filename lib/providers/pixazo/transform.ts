import { codeForFailureText, firstText, providerError } from "../errors";
import type { PollResult } from "../types";
import {
  PIXAZO_MESSAGE_BODY_MODELS,
  PIXAZO_STATUS_PREFIX,
  PIXAZO_SUBMIT_PATHS,
  type PixazoModelId,
  type PixazoStatus,
} from "./wire";

/** The submit path of a pixazo model id, or undefined for a model pixazo has no endpoint for. */
export function submitPath(providerModel: string): string | undefined {
  return Object.hasOwn(PIXAZO_SUBMIT_PATHS, providerModel)
    ? PIXAZO_SUBMIT_PATHS[providerModel as PixazoModelId]
    : undefined;
}

/**
 * `params` must be the model schema's parsed output, so only documented fields are sent: next to the
 * prompt, or as the `parameters` of a DashScope-shaped body with the input images (URLs) first.
 */
export function toSubmitBody(
  providerModel: string,
  prompt: string,
  params: Record<string, unknown>,
  inputImages: readonly string[] = [],
): Record<string, unknown> {
  if (!PIXAZO_MESSAGE_BODY_MODELS.has(providerModel)) return { prompt, ...params };
  const content = [...inputImages.map((image) => ({ image })), { text: prompt }];
  return { model: providerModel, input: { messages: [{ role: "user", content }] }, parameters: params };
}

/**
 * Where to read a request's status. The submit answer's `polling_url` is preferred (§3.5), but only
 * on the gateway's own origin: the subscription key travels with the request.
 */
export function statusUrl(baseUrl: string, requestId: string, pollingUrl?: string): string {
  if (pollingUrl && URL.canParse(pollingUrl) && new URL(pollingUrl).origin === new URL(baseUrl).origin) {
    return pollingUrl;
  }
  return `${baseUrl}${PIXAZO_STATUS_PREFIX}${encodeURIComponent(requestId)}`;
}

/** Maps a status object to our states (docs/providers.md §3.5–3.6, §8). */
export function toPollResult(request: PixazoStatus): PollResult {
  const status = request.status.trim().toUpperCase();
  switch (status) {
    case "QUEUED":
      return { state: "queued" };
    case "PROCESSING":
      return { state: "running" };
    case "COMPLETED": {
      const media = request.output?.media_url;
      const urls = (typeof media === "string" ? [media] : (media ?? [])).filter((url) => url.length > 0);
      if (urls.length > 0) return { state: "succeeded", outputs: urls.map((url) => ({ url })) };
      return {
        state: "failed",
        error: providerError("pixazo", "provider_error", "request completed but returned no media_url", {
          retryable: false,
        }),
      };
    }
    case "FAILED": {
      // A model-level failure (often the safety checker); pixazo may bill it (docs/providers.md Q10).
      const reason = firstText(request.error) ?? "request failed";
      return {
        state: "failed",
        error: providerError("pixazo", codeForFailureText(reason), reason, { retryable: false }),
      };
    }
    case "ERROR": {
      const reason = firstText(request.error) ?? "system error";
      return {
        state: "failed",
        error: providerError("pixazo", "provider_error", `${reason} (not charged)`, {
          retryable: false,
          charged: false,
        }),
      };
    }
    default:
      return {
        state: "failed",
        error: providerError("pixazo", "unknown_status", `unknown status "${request.status}"`, {
          retryable: false,
        }),
      };
  }
}
