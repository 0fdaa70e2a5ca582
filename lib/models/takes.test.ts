import { describe, expect, it } from "vitest";
import { currentTakes, exportedTake, viewedTake } from "./takes";

const job = (promptIndex: number, configIndex: number, take: number, status: string, images = 0) => ({
  promptIndex,
  configIndex,
  take,
  status,
  images: Array.from({ length: images }, (_, index) => `image ${index}`),
});

describe("currentTakes", () => {
  it("keeps each cell's newest take, whatever order the takes come in", () => {
    const jobs = [
      job(0, 0, 2, "succeeded"),
      job(0, 0, 1, "failed"),
      job(0, 1, 1, "failed"),
      job(1, 0, 1, "canceled"),
      job(1, 0, 3, "running"),
      job(1, 0, 2, "failed"),
    ];
    expect(currentTakes(jobs).map((entry) => entry.status)).toEqual(["succeeded", "failed", "running"]);
  });
});

describe("viewedTake", () => {
  const takes = [job(0, 0, 2, "failed"), job(0, 0, 1, "succeeded", 1)];

  it("is the take the viewer picked, else the newest", () => {
    expect(viewedTake(takes, 1)?.take).toBe(1);
    expect(viewedTake(takes, undefined)?.take).toBe(2);
    expect(viewedTake(takes, 7)?.take).toBe(2);
    expect(viewedTake([], undefined)).toBeUndefined();
  });
});

describe("exportedTake", () => {
  it("is the newest take with an image, else the newest", () => {
    const pictured = [job(0, 0, 1, "succeeded", 1), job(0, 0, 2, "failed"), job(0, 0, 3, "running")];
    expect(exportedTake(pictured)?.take).toBe(1);
    const retried = [job(0, 0, 1, "succeeded", 1), job(0, 0, 2, "succeeded", 2)];
    expect(exportedTake(retried)?.take).toBe(2);
    expect(exportedTake([job(0, 1, 1, "failed"), job(0, 1, 2, "canceled")])?.status).toBe("canceled");
    expect(exportedTake([])).toBeUndefined();
  });
});
