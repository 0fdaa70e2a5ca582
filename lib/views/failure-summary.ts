import { providerName } from "@/lib/models/providers";
import type { ProviderId } from "@/lib/models/providers";

/**
 * A failed job in plain words with what to do next ("pixazo kept failing (HTTP 502) — try again
 * later, or Retry"); the provider's own technical message stays one click away.
 */
const SUMMARIES: Record<string, (provider: string, http: string) => string> = {
  rate_limited: (p, http) => `${p} is limiting requests${http} — wait a minute, then Retry`,
  provider_error: (p, http) => `${p} kept failing${http} — try again later, or Retry`,
  poll_failed: (p, http) => `${p} kept failing${http} — try again later, or Retry`,
  network_error: (p) => `${p} is not answering — try again later, or Retry`,
  malformed_response: (p) => `${p} sent an answer Prism cannot read — try again later, or Retry`,
  unknown_status: (p) => `${p} reported a state Prism does not know — Retry, or try another model`,
  timeout: (p) => `${p} did not finish in time — Retry, or try another model`,
  input_unreachable: (p) =>
    `${p} could not fetch your image — check that PUBLIC_URL reaches Prism, then Retry`,
  needs_public_url: (p) =>
    `${p} fetches your image by URL: set PUBLIC_URL or S3_PRESIGNED_INPUTS, then Retry`,
  content_policy: (p) => `${p} refused this prompt under its content policy — rephrase it`,
  invalid_request: (p) => `${p} refused these settings — change them, then Retry`,
  unauthorized: (p) => `${p} refused the API key — check the key in the server settings`,
  insufficient_balance: (p) => `The ${p} account is out of credit — top it up, then Retry`,
  image_expired: (p) => `${p}'s image links expired before Prism could store them — Retry`,
  image_download_failed: (p) => `Prism could not download the images from ${p} — Retry`,
  no_images: (p) => `${p} finished without images — Retry, or rephrase the prompt`,
  canceled: (p) => `Canceled before it reached ${p}, so nothing was charged — Retry to run it`,
  canceled_running: (p) => `Canceled — ${p} may still finish the job and bill it; Retry to run it again`,
};

/**
 * The HTTP status of a refusal, which the transport writes last in parentheses ("… (502)"); a vendor
 * code there instead ("(InternalError)") or no reference at all gives nothing.
 */
function httpStatusOf(message: string): string {
  const status = /\((?:HTTP )?([1-5]\d\d)\)$/.exec(message.trim())?.[1];
  return status ? ` (HTTP ${status})` : "";
}

/** Null where the technical message is already the plainest there is (e.g. storage, outcome unknown). */
export function failureSummary(providerId: ProviderId, code: string, message: string): string | null {
  return SUMMARIES[code]?.(providerName(providerId), httpStatusOf(message)) ?? null;
}
