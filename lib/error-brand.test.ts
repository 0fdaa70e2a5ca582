import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import type { PolicyContext } from "@/lib/jobs/runner/step-policy";

// A bundler may load one module in several copies (the server build held seven of the blob
// store's): an error made by one copy must be recognised by code holding another, in the route
// wrapper and in the runner's step policy alike.

type Copies = {
  store: typeof import("@/lib/storage/blob-store");
  errors: typeof import("@/lib/errors");
  providers: typeof import("@/lib/providers/types");
  download: typeof import("@/lib/jobs/download-image");
  image: typeof import("@/lib/jobs/store-image");
  safeFetch: typeof import("@/lib/http/safe-fetch");
};

/** A fresh copy of every module that defines an error class, as another bundle would hold it. */
async function freshCopies(): Promise<Copies> {
  vi.resetModules();
  return {
    store: await import("@/lib/storage/blob-store"),
    errors: await import("@/lib/errors"),
    providers: await import("@/lib/providers/types"),
    download: await import("@/lib/jobs/download-image"),
    image: await import("@/lib/jobs/store-image"),
    safeFetch: await import("@/lib/http/safe-fetch"),
  };
}

const policyContext: PolicyContext = {
  providerId: "shortapi",
  attempts: 0,
  deadlineAt: new Date("2026-03-01T11:00:00.000Z"),
  now: new Date("2026-03-01T10:00:00.000Z"),
  retryDelayMs: () => 1_000,
};

describe("errors are recognised by a brand, whichever copy of their module made them", () => {
  it("loads two copies whose classes differ", async () => {
    const [first, second] = [await freshCopies(), await freshCopies()];
    expect(first.store.BlobStoreError).not.toBe(second.store.BlobStoreError);
    expect(new first.store.BlobStoreError("down")).not.toBeInstanceOf(second.store.BlobStoreError);
  });

  it("the route wrapper answers a storage outage with 503 and an AppError with its status from any copy", async () => {
    const copies = [await freshCopies(), await freshCopies()];
    vi.resetModules();
    const { routeHandler } = await import("@/lib/http/route-handler");
    const request = () => new NextRequest("http://localhost/api/files/ab/cd.png");
    const context = { params: Promise.resolve({}) };
    for (const [index, { store, errors }] of copies.entries()) {
      const storeDown = routeHandler({ access: "public" }, () => {
        throw new store.BlobStoreError("S3 GetObject failed: ECONNREFUSED", { reason: "ECONNREFUSED" });
      });
      const response = await storeDown(request(), context);
      expect(response.status, `copy ${index}`).toBe(503);
      expect((await response.json()).error.code).toBe("service_unavailable");
      const notFound = routeHandler({ access: "public" }, () => {
        throw new errors.AppError("not_found", "No such file");
      });
      expect((await notFound(request(), context)).status, `copy ${index}`).toBe(404);
    }
  });

  it("the step policy retries a store failure and reads provider, download and image errors from any copy", async () => {
    const copies = [await freshCopies(), await freshCopies()];
    vi.resetModules();
    const policy = await import("@/lib/jobs/runner/step-policy");
    for (const [index, copy] of copies.entries()) {
      const stored = policy.decideDownloadError(
        new copy.store.BlobStoreError("bucket down", { reason: "storage unavailable" }),
        policyContext,
      );
      expect(stored, `copy ${index}`).toMatchObject({ kind: "retry" });
      expect(stored?.kind === "retry" && stored.note).toContain("storage unavailable");
      const invalid = policy.decideDownloadError(
        new copy.image.InvalidImageError("not an image"),
        policyContext,
      );
      expect(invalid, `copy ${index}`).toMatchObject({ kind: "fail", failure: { code: "invalid_image" } });
      const expired = new copy.download.ImageDownloadError("image_expired", "gone", { retryable: false });
      expect(policy.decideDownloadError(expired, policyContext)).toMatchObject({
        kind: "fail",
        failure: { code: "image_expired" },
      });
      const refused = new copy.providers.ProviderError({
        provider: "shortapi",
        code: "content_policy",
        message: "shortapi: refused",
        retryable: false,
      });
      expect(policy.decideSubmitError(refused, policyContext)).toMatchObject({
        kind: "fail",
        failure: { code: "content_policy", charged: false },
      });
      expect(copy.safeFetch.isSafeFetchError(new copy.safeFetch.SafeFetchError("timeout", "slow"))).toBe(
        true,
      );
    }
  });
});
