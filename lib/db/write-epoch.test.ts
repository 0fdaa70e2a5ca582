import { describe, expect, it } from "vitest";
import { mayWrite, WriteEpoch } from "./write-epoch";

describe("write epoch", () => {
  it("takes a plain SELECT for a read and everything else for a write", () => {
    expect(mayWrite('select "id" from "runs" where "id" = $1')).toBe(false);
    expect(mayWrite("  SELECT 1")).toBe(false);
    expect(mayWrite('update "jobs" set "status" = $1')).toBe(true);
    expect(mayWrite('insert into "images" values ($1)')).toBe(true);
    expect(
      mayWrite("with moved as (update jobs set status = 'queued' returning id) select * from moved"),
    ).toBe(true);
    expect(mayWrite("selectivity")).toBe(true);
  });

  it("moves when a write starts and again when it ends, and is unstable in between", async () => {
    const epoch = new WriteEpoch();
    const before = epoch.stable();
    let during: number | undefined = -1;
    await epoch.around(async () => {
      during = epoch.stable();
    });
    expect(before).toBeDefined();
    expect(during).toBeUndefined();
    expect(epoch.stable()).not.toBe(before);
  });

  it("moves even when the write fails", async () => {
    const epoch = new WriteEpoch();
    const before = epoch.stable();
    await expect(epoch.around(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(epoch.stable()).toBeDefined();
    expect(epoch.stable()).not.toBe(before);
  });
});
