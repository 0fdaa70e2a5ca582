import { describe, expect, it } from "vitest";
import { ProviderError } from "@/lib/providers/types";
import { BlobStoreError } from "@/lib/storage/blob-store";
import { ImageDownloadError } from "../download-image";
import { InvalidImageError } from "../store-image";
import {
  decideDownloadError,
  decidePending,
  decidePollError,
  decideSubmitError,
  decideUnexpectedError,
  lostCreateFailure,
  MAX_ATTEMPTS,
  type PolicyContext,
} from "./step-policy";

const NOW = new Date("2026-03-01T10:00:00.000Z");
const at = (milliseconds: number) => new Date(NOW.getTime() + milliseconds);

/** A fixed backoff of one second per attempt, never below Retry-After. */
function context(overrides: Partial<PolicyContext> = {}): PolicyContext {
  return {
    providerId: "shortapi",
    attempts: 0,
    deadlineAt: at(60_000),
    now: NOW,
    retryDelayMs: (attempt, retryAfterSeconds) =>
      Math.max((attempt + 1) * 1_000, (retryAfterSeconds ?? 0) * 1_000),
    ...overrides,
  };
}

function providerError(options: Partial<ConstructorParameters<typeof ProviderError>[0]> = {}) {
  return new ProviderError({
    provider: "shortapi",
    code: "rate_limited",
    message: "shortapi: rate limited (429)",
    retryable: true,
    status: 429,
    ...options,
  });
}

describe("submit errors", () => {
  it("retries a retryable refusal no sooner than Retry-After, reopening the submit", () => {
    expect(decideSubmitError(providerError({ retryAfterSeconds: 30 }), context())).toEqual({
      kind: "retry",
      at: at(30_000),
      resubmit: true,
      note: "shortapi is limiting requests — retrying (1 of 5)",
    });
  });

  it("fails a definite refusal as not charged", () => {
    const refusal = providerError({
      code: "unauthorized",
      message: "shortapi: bad key (401)",
      retryable: false,
    });
    expect(decideSubmitError(refusal, context())).toEqual({
      kind: "fail",
      failure: { code: "unauthorized", message: "shortapi: bad key (401)", charged: false },
    });
  });

  it("stops retrying after the last attempt or when the retry would land past the deadline", () => {
    const lastTry = context({ attempts: MAX_ATTEMPTS.submit - 1 });
    expect(decideSubmitError(providerError(), lastTry)).toMatchObject({
      kind: "fail",
      failure: { charged: false },
    });
    const tooLate = context({ deadlineAt: at(500) });
    expect(decideSubmitError(providerError(), tooLate)).toMatchObject({ kind: "fail" });
  });

  it("never resends when the outcome is unknown, and says why", () => {
    const dropped = providerError({
      code: "network_error",
      message: "shortapi: connection dropped",
      outcomeUnknown: true,
    });
    expect(decideSubmitError(dropped, context())).toEqual({
      kind: "fail",
      failure: {
        code: "submit_outcome_unknown",
        message: "shortapi: connection dropped. Not sent again, to avoid paying twice.",
      },
    });
    expect(decideSubmitError(new Error("timeout"), context())).toMatchObject({
      failure: { code: "submit_outcome_unknown", message: expect.stringMatching(/^shortapi: no answer/) },
    });
  });

  it("tells what happened to a create whose answer was lost", () => {
    expect(lostCreateFailure("pixazo")).toEqual({
      code: "submit_outcome_unknown",
      message: expect.stringContaining(
        "Prism lost track of this request while the provider was working on it; the provider may have billed it",
      ),
    });
  });
});

describe("pending jobs", () => {
  const schedule = { initialMs: 2_000, maxMs: 5_000 };

  it("polls again on the provider's schedule", () => {
    expect(decidePending(context(), { schedule, waitedMs: 10_000, deadlineMs: 60_000 })).toEqual({
      kind: "poll",
      at: at(3_000),
    });
  });

  it("times out at the deadline with a readable limit", () => {
    expect(
      decidePending(context({ deadlineAt: NOW }), { schedule, waitedMs: 0, deadlineMs: 300_000 }),
    ).toEqual({
      kind: "fail",
      failure: { code: "timeout", message: "shortapi: no result within 5 min" },
    });
  });
});

describe("poll errors", () => {
  const options = { deadlineMs: 60_000 };

  it("retries a transient failure, but never past the deadline", () => {
    expect(decidePollError(new Error("socket hang up"), context({ attempts: 2 }), options)).toEqual({
      kind: "retry",
      at: at(3_000),
      note: "shortapi is not answering — retrying (3 of 10)",
    });
    const nearDeadline = context({ deadlineAt: at(500) });
    expect(decidePollError(providerError({ retryAfterSeconds: 30 }), nearDeadline, options)).toMatchObject({
      kind: "retry",
      at: at(500),
    });
  });

  it("fails at once on a final error, at the deadline, and after the last attempt", () => {
    const final = providerError({
      code: "unknown_status",
      message: "shortapi: unknown status",
      retryable: false,
    });
    expect(decidePollError(final, context(), options)).toEqual({
      kind: "fail",
      failure: { code: "unknown_status", message: "shortapi: unknown status" },
    });
    expect(decidePollError(new Error("x"), context({ deadlineAt: NOW }), options)).toMatchObject({
      failure: { code: "timeout", message: "shortapi: no result within 1 min" },
    });
    expect(decidePollError(new Error("x"), context({ attempts: MAX_ATTEMPTS.poll - 1 }), options)).toEqual({
      kind: "fail",
      failure: { code: "poll_failed", message: "shortapi: status check kept failing" },
    });
  });
});

describe("download errors", () => {
  const expired = new ImageDownloadError("image_expired", "shortapi: image expired (403)", {
    retryable: false,
  });
  const flaky = new ImageDownloadError("image_download_failed", "shortapi: image download failed (502)", {
    retryable: true,
  });

  it("retries a transient failure a bounded number of times", () => {
    expect(decideDownloadError(flaky, context())).toEqual({
      kind: "retry",
      at: at(1_000),
      note: "Downloading the images from shortapi failed — retrying (1 of 5)",
    });
    expect(decideDownloadError(flaky, context({ attempts: MAX_ATTEMPTS.download - 1 }))).toEqual({
      kind: "fail",
      failure: { code: "image_download_failed", message: "shortapi: image download failed (502)" },
    });
  });

  it("fails an expired URL or a non-image at once", () => {
    expect(decideDownloadError(expired, context())).toEqual({
      kind: "fail",
      failure: { code: "image_expired", message: "shortapi: image expired (403)" },
    });
    expect(decideDownloadError(new InvalidImageError("not a PNG, JPEG or WebP image"), context())).toEqual({
      kind: "fail",
      failure: { code: "invalid_image", message: "shortapi: returned not a PNG, JPEG or WebP image" },
    });
  });

  it("retries a store that failed longer than a download, then fails naming the cause, not the store's details", () => {
    const down = new BlobStoreError("s3 bucket prism at http://127.0.0.1:1: PutObject failed");
    expect(decideDownloadError(down, context())).toEqual({
      kind: "retry",
      at: at(1_000),
      note: "Prism cannot store the image (storage unavailable) — retrying (1 of 20)",
    });
    expect(decideDownloadError(down, context({ attempts: MAX_ATTEMPTS.download }))).toMatchObject({
      kind: "retry",
    });
    expect(decideDownloadError(down, context({ attempts: MAX_ATTEMPTS.store - 1 }))).toEqual({
      kind: "fail",
      failure: {
        code: "storage_unavailable",
        message: "Prism could not store the image: storage unavailable",
      },
    });
    const full = new BlobStoreError("Local disk could not write ab/ab….png: disk full", {
      reason: "disk full",
    });
    expect(decideDownloadError(full, context({ attempts: MAX_ATTEMPTS.store - 1 }))).toEqual({
      kind: "fail",
      failure: { code: "storage_unavailable", message: "Prism could not store the image: disk full" },
    });
  });

  it("leaves errors it does not know to the unexpected-error rule", () => {
    expect(decideDownloadError(new Error("ENOSPC"), context())).toBeNull();
    expect(decideUnexpectedError(context())).toEqual({
      kind: "retry",
      at: at(1_000),
      note: "Something went wrong in Prism — retrying (1 of 5)",
    });
    expect(decideUnexpectedError(context({ attempts: MAX_ATTEMPTS.unexpected - 1 }))).toEqual({
      kind: "fail",
      failure: { code: "internal_error", message: "Prism could not finish this job" },
    });
  });
});
