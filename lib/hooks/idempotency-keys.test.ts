import { describe, expect, it } from "vitest";
import { createIdempotencyKeys } from "./idempotency-keys";

describe("idempotency keys", () => {
  it("keeps one key for every resend of a request until it goes through", () => {
    const keys = createIdempotencyKeys();
    const body = { prompt: "a fox", models: [{ modelId: "shortapi/z-image", params: {} }] };
    const first = keys.keyFor(body);
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(keys.keyFor({ ...body })).toBe(first);
    const other = keys.keyFor({ ...body, prompt: "a cat" });
    expect(other).not.toBe(first);
    keys.settled();
    expect(keys.keyFor({ ...body, prompt: "a cat" })).not.toBe(other);
  });
});
