import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { openTestDatabase } from "@/lib/testing/test-database";
import { clientAddress, PEER_ADDRESS_HEADER } from "./client-address";
import { createRateLimiter } from "./rate-limit";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

function clock() {
  let time = Date.parse("2026-03-01T10:00:00Z");
  return { now: () => new Date(time), advance: (ms: number) => (time += ms) };
}

describe("rate limiter", () => {
  it("allows a burst of perMinute, then refuses with the wait until the next token", async () => {
    const time = clock();
    const limiter = createRateLimiter(handle.db, { name: "burst", perMinute: 3, now: time.now });
    const takes = [];
    for (let index = 0; index < 3; index++) takes.push((await limiter.take("a")).allowed);
    expect(takes).toEqual([true, true, true]);
    expect(await limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect((await limiter.take("b")).allowed).toBe(true);
    time.advance(20_000);
    expect((await limiter.take("a")).allowed).toBe(true);
    expect((await limiter.take("a")).allowed).toBe(false);
  });

  it("refills to the burst size and no further", async () => {
    const time = clock();
    const limiter = createRateLimiter(handle.db, { name: "refill", perMinute: 2, now: time.now });
    await limiter.take("a");
    time.advance(10 * 60_000);
    const takes = [];
    for (let index = 0; index < 3; index++) takes.push((await limiter.take("a")).allowed);
    expect(takes).toEqual([true, true, false]);
  });

  it("is one limit for every limiter on the database, however many take at once", async () => {
    const time = clock();
    // Two limiters stand for two instances: the count lives in the database, not in either.
    const instances = [1, 2].map(() =>
      createRateLimiter(handle.db, { name: "shared", perMinute: 5, now: time.now }),
    );
    const decisions = await Promise.all(
      Array.from({ length: 12 }, (_, index) => instances[index % 2]!.take("client")),
    );
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
  });

  it("keeps separate buckets per limit name", async () => {
    const time = clock();
    const runs = createRateLimiter(handle.db, { name: "runs-x", perMinute: 1, now: time.now });
    const signIns = createRateLimiter(handle.db, { name: "sign-in-x", perMinute: 1, now: time.now });
    expect((await runs.take("c")).allowed).toBe(true);
    expect((await signIns.take("c")).allowed).toBe(true);
    expect((await runs.take("c")).allowed).toBe(false);
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
