import { describe, expect, it } from "vitest";
import { newestTakes } from "./newest-takes";

describe("newestTakes", () => {
  it("keeps each cell's newest take, whatever order the takes come in", () => {
    const job = (promptIndex: number, configIndex: number, take: number, status: string) => ({
      promptIndex,
      configIndex,
      take,
      status,
    });
    const jobs = [
      job(0, 0, 2, "succeeded"),
      job(0, 0, 1, "failed"),
      job(0, 1, 1, "failed"),
      job(1, 0, 1, "canceled"),
      job(1, 0, 3, "running"),
      job(1, 0, 2, "failed"),
    ];
    expect(newestTakes(jobs).map((entry) => entry.status)).toEqual(["succeeded", "failed", "running"]);
  });
});
