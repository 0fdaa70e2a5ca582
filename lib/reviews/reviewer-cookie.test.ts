import { describe, expect, it } from "vitest";
import { newReviewerId, signReviewerId, verifiedReviewerId } from "./reviewer-cookie";

describe("the signed reviewer cookie", () => {
  it("gives back the id it signed, and nothing for a forged, altered or unsigned value", () => {
    const key = "k".repeat(43);
    const id = newReviewerId();
    const value = signReviewerId(id, key);
    expect(verifiedReviewerId(value, key)).toBe(id);
    const [, , signature] = value.split(".");
    expect(verifiedReviewerId(`r1.${newReviewerId()}.${signature}`, key)).toBeUndefined();
    expect(verifiedReviewerId(`r1.${id}.${"A".repeat(43)}`, key)).toBeUndefined();
    expect(verifiedReviewerId(id, key)).toBeUndefined();
    expect(verifiedReviewerId(value, "another key")).toBeUndefined();
    expect(verifiedReviewerId(undefined, key)).toBeUndefined();
  });
});
