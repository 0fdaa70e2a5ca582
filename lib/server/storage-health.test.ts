import { describe, expect, it, vi } from "vitest";
import type { StorageHealth } from "@/lib/storage/blob-store";

const health = vi.hoisted(() => ({ current: { writable: true } as StorageHealth, checks: 0 }));
vi.mock("./runtime", () => ({
  getBlobStore: () => ({
    health: async () => {
      health.checks += 1;
      return health.current;
    },
  }),
}));
const { assertStorageWritable, storageHealth } = await import("./storage-health");

describe("storage guard for new runs", () => {
  it("refuses runs with 507 on a full disk and 503 when storage is unwritable, probing every few seconds", async () => {
    let now = 1_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => now);
    await expect(assertStorageWritable()).resolves.toBeUndefined();

    health.current = { writable: false, reason: "disk full" };
    now += 1_000;
    await expect(assertStorageWritable()).resolves.toBeUndefined();
    expect(health.checks).toBe(1);

    now += 5_000;
    await expect(assertStorageWritable()).rejects.toMatchObject({
      status: 507,
      message: expect.stringContaining("disk full"),
    });
    health.current = { writable: false, reason: "the images folder is not writable" };
    now += 5_000;
    await expect(assertStorageWritable()).rejects.toMatchObject({ status: 503 });
    expect(await storageHealth()).toEqual({ writable: false, reason: "the images folder is not writable" });
  });
});
