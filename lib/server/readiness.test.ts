import { describe, expect, it, vi } from "vitest";
import { createReadinessCheck } from "./readiness";

describe("readiness check", () => {
  it("asks the database at most once per second, however many probes arrive", async () => {
    let now = 0;
    const ping = vi.fn(async () => undefined);
    const check = createReadinessCheck({ ping, now: () => now });

    expect(await check()).toEqual({ ready: true });
    now = 999;
    await Promise.all([check(), check(), check()]);
    expect(ping).toHaveBeenCalledTimes(1);

    now = 1_000;
    expect(await check()).toEqual({ ready: true });
    expect(ping).toHaveBeenCalledTimes(2);
  });

  it("reports a database that fails the query, and recovers once it answers again", async () => {
    let now = 0;
    const ping = vi.fn(async () => undefined).mockRejectedValueOnce(new Error("ECONNREFUSED"));
    const check = createReadinessCheck({ ping, now: () => now });

    expect(await check()).toEqual({ ready: false, reason: "The database does not answer" });
    now = 1_000;
    expect(await check()).toEqual({ ready: true });
  });
});
