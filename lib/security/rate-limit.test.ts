import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";
import { createRateLimiter } from "./rate-limit";

describe("rate limiter", () => {
  it("allows a burst of perMinute, then refuses with the wait until the next token", () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 3, now: () => now });
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, true]);
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(limiter.take("b").allowed).toBe(true);
    now += 20_000;
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("refills to the burst size and no further", () => {
    let now = 0;
    const limiter = createRateLimiter({ perMinute: 2, now: () => now });
    limiter.take("a");
    now += 10 * 60_000;
    expect([1, 2, 3].map(() => limiter.take("a").allowed)).toEqual([true, true, false]);
  });
});

describe("client address", () => {
  const headers = new Headers({
    [PEER_ADDRESS_HEADER]: "10.0.0.9",
    "x-forwarded-for": "1.1.1.1, 203.0.113.7",
  });

  it("uses the socket's address unless the proxy is trusted", () => {
    expect(clientAddress(headers, false)).toBe("10.0.0.9");
  });

  it("behind a trusted proxy, uses the address that proxy saw (the last entry)", () => {
    expect(clientAddress(headers, true)).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ [PEER_ADDRESS_HEADER]: "10.0.0.9" }), true)).toBe("10.0.0.9");
  });
});
