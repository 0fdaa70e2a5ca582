import { describe, expect, it } from "vitest";
import {
  codeForErrorText,
  codeForFailure,
  codeForHttpStatus,
  firstText,
  isRetryableStatus,
  looksLikeContentPolicy,
} from "./errors";

describe("error classification", () => {
  it("maps HTTP statuses", () => {
    expect([400, 401, 402, 403, 404, 408, 422, 429, 500, 503].map(codeForHttpStatus)).toEqual([
      "invalid_request",
      "unauthorized",
      "insufficient_balance",
      "unauthorized",
      "not_found",
      "timeout",
      "invalid_request",
      "rate_limited",
      "provider_error",
      "provider_error",
    ]);
    expect([400, 404, 408, 429, 500, 502].map(isRetryableStatus)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it("refines only a plain 4xx by the provider's wording", () => {
    expect(codeForFailure(400, "insufficient balance")).toBe("insufficient_balance");
    expect(codeForFailure(400, "job not found")).toBe("not_found");
    expect(codeForFailure(400, "aspect_ratio is required")).toBe("invalid_request");
    expect(codeForFailure(401, "job not found")).toBe("unauthorized");
    expect(codeForErrorText("too many requests")).toBe("rate_limited");
  });

  it("recognises content-policy wording", () => {
    for (const text of [
      "NSFW content detected",
      "violates the content policy",
      "blocked by the safety checker",
      "Input data may contain inappropriate content.",
    ]) {
      expect(looksLikeContentPolicy(text)).toBe(true);
    }
    expect(looksLikeContentPolicy("upstream model timed out")).toBe(false);
  });

  it("firstText skips empty and non-string candidates", () => {
    expect(firstText(undefined, "", 3, "  x  ", "y")).toBe("x");
    expect(firstText(null)).toBeUndefined();
  });
});
