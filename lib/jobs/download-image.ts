import "server-only";
import { errorBrand } from "@/lib/error-brand";
import { DEFAULT_LIMITS, isSafeFetchError, safeFetch, type SafeFetchPolicy } from "@/lib/http/safe-fetch";
import type { ProviderId } from "@/lib/models/types";
import { providerDescriptor } from "@/lib/providers/descriptors";
import { providerSettings } from "@/lib/providers/registry";

export type ImageDownloadErrorCode =
  "image_expired" | "image_too_large" | "image_blocked" | "image_download_failed";

/** Why an output could not be fetched, and whether trying again later may help. */
export class ImageDownloadError extends Error {
  readonly code: ImageDownloadErrorCode;
  readonly retryable: boolean;
  readonly status?: number;

  constructor(
    code: ImageDownloadErrorCode,
    message: string,
    options: { retryable: boolean; status?: number },
  ) {
    super(message);
    this.name = "ImageDownloadError";
    this.code = code;
    this.retryable = options.retryable;
    this.status = options.status;
    IMAGE_DOWNLOAD_ERROR.mark(this);
  }
}

const IMAGE_DOWNLOAD_ERROR = errorBrand<ImageDownloadError>("ImageDownloadError");
/** Recognises an ImageDownloadError from any copy of this module (lib/error-brand.ts). */
export const isImageDownloadError = IMAGE_DOWNLOAD_ERROR.is;

/**
 * Fetches one provider output and returns its bytes, throwing ImageDownloadError. The runner takes
 * it as a dependency, so tests inject their own.
 */
export type FetchImage = (url: string, options: { providerId: ProviderId }) => Promise<Uint8Array>;

/** Images come only from the provider's API host and the image hosts its descriptor names. */
function policyFor(providerId: ProviderId): SafeFetchPolicy {
  const apiHost = new URL(providerSettings(providerId).baseUrl).host.toLowerCase();
  return {
    ...DEFAULT_LIMITS,
    allowedHosts: providerDescriptor(providerId).imageHosts,
    trustedHosts: [apiHost],
  };
}

const EXPIRED_STATUSES = new Set([403, 404, 410]);

/** Downloads through the SSRF-safe fetcher; 403/404/410 mean the signed URL has expired. */
export const fetchProviderImage: FetchImage = async (url, { providerId }) => {
  let response;
  try {
    response = await safeFetch(url, policyFor(providerId));
  } catch (error) {
    if (!isSafeFetchError(error)) throw error;
    if (error.code === "too_large") {
      throw new ImageDownloadError("image_too_large", `${providerId}: image larger than 25 MB`, {
        retryable: false,
      });
    }
    if (error.code === "timeout" || error.code === "network_error") {
      throw new ImageDownloadError(
        "image_download_failed",
        `${providerId}: image download failed (${error.code})`,
        {
          retryable: true,
        },
      );
    }
    throw new ImageDownloadError("image_blocked", `${providerId}: image URL refused (${error.message})`, {
      retryable: false,
    });
  }
  if (EXPIRED_STATUSES.has(response.status)) {
    throw new ImageDownloadError("image_expired", `${providerId}: image expired (${response.status})`, {
      retryable: false,
      status: response.status,
    });
  }
  if (response.status < 200 || response.status >= 300) {
    throw new ImageDownloadError(
      "image_download_failed",
      `${providerId}: image download failed (${response.status})`,
      {
        retryable: response.status === 429 || response.status >= 500,
        status: response.status,
      },
    );
  }
  return response.body;
};
