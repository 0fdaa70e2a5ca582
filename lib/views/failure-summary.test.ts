import { describe, expect, it } from "vitest";
import { failureSummary } from "./failure-summary";

describe("failureSummary", () => {
  it("names the HTTP status a provider kept answering, as the technical message records it", () => {
    expect(
      failureSummary("pixazo", "provider_error", "pixazo: The gateway could not complete the request. (502)"),
    ).toBe("pixazo kept failing (HTTP 502) — try again later, or Retry");
    expect(failureSummary("shortapi", "rate_limited", "shortapi: too many requests (429)")).toBe(
      "shortapi is limiting requests (HTTP 429) — wait a minute, then Retry",
    );
  });

  it("says no status where the message holds none, or a vendor code instead", () => {
    expect(failureSummary("dashscope", "provider_error", "DashScope: Internal error (InternalError)")).toBe(
      "DashScope kept failing — try again later, or Retry",
    );
    expect(
      failureSummary("pixazo", "network_error", "pixazo: connection failed during poll (ECONNRESET)"),
    ).toBe("pixazo is not answering — try again later, or Retry");
    expect(failureSummary("pixazo", "storage_error", "disk full")).toBeNull();
  });
});
