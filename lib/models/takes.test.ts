import { describe, expect, it } from "vitest";
import type { JobStatus } from "./job-status";
import { countingTake, countingTakes, missedTakes, ofCountingTakes, shownTake, viewedTake } from "./takes";

const job = (
  promptIndex: number,
  configIndex: number,
  take: number,
  status: JobStatus,
  chosenAt: string | null = null,
) => ({ promptIndex, configIndex, take, status, chosenAt });

describe("countingTake", () => {
  it("is the newest succeeded take: a canceled or failed extra take does not hide a good one", () => {
    expect(countingTake([job(0, 0, 1, "succeeded"), job(0, 0, 2, "canceled")])?.take).toBe(1);
    expect(countingTake([job(0, 0, 1, "succeeded"), job(0, 0, 2, "failed")])?.take).toBe(1);
    expect(countingTake([job(0, 0, 1, "succeeded"), job(0, 0, 2, "succeeded")])?.take).toBe(2);
    expect(countingTake([job(0, 0, 1, "failed"), job(0, 0, 2, "succeeded")])?.take).toBe(2);
  });

  it("is the take the owner chose last, while it is a succeeded one", () => {
    const takes = [
      job(0, 0, 1, "succeeded", "2026-12-06T10:00:00Z"),
      job(0, 0, 2, "succeeded", "2026-12-06T09:00:00Z"),
      job(0, 0, 3, "succeeded"),
      job(0, 0, 4, "running"),
    ];
    expect(countingTake(takes)?.take).toBe(1);
    expect(
      countingTake([
        job(0, 0, 1, "succeeded", "2026-12-06T10:00:00Z"),
        job(0, 0, 2, "succeeded", "2026-12-06T11:00:00Z"),
      ])?.take,
    ).toBe(2);
  });

  it("is the newest take when none succeeded", () => {
    expect(countingTake([job(0, 1, 1, "failed"), job(0, 1, 2, "canceled")])?.status).toBe("canceled");
    expect(countingTake([job(0, 1, 1, "failed"), job(0, 1, 2, "running")])?.status).toBe("running");
    expect(countingTake([])).toBeUndefined();
  });
});

describe("countingTakes", () => {
  it("keeps one take per cell, whatever order the takes come in", () => {
    const jobs = [
      job(0, 0, 2, "canceled"),
      job(0, 0, 1, "succeeded"),
      job(0, 1, 1, "failed"),
      job(1, 0, 1, "canceled"),
      job(1, 0, 3, "running"),
      job(1, 0, 2, "failed"),
    ];
    expect(countingTakes(jobs).map((entry) => [entry.take, entry.status])).toEqual([
      [1, "succeeded"],
      [1, "failed"],
      [3, "running"],
    ]);
  });
});

describe("viewedTake and shownTake", () => {
  const takes = [job(0, 0, 1, "succeeded"), job(0, 0, 2, "canceled")];

  it("is the take the viewer picked, else the one that counts", () => {
    expect(viewedTake(takes, 2)?.take).toBe(2);
    expect(viewedTake(takes, undefined)?.take).toBe(1);
    expect(viewedTake(takes, 7)?.take).toBe(1);
    expect(viewedTake([], undefined)).toBeUndefined();
  });

  it("shows a newer take while it runs, so it can be watched and canceled", () => {
    const running = [job(0, 0, 1, "succeeded"), job(0, 0, 2, "running")];
    expect(shownTake(running, undefined)?.take).toBe(2);
    expect(viewedTake(running, undefined)?.take).toBe(1);
    expect(shownTake(running, 1)?.take).toBe(1);
    expect(shownTake(takes, undefined)?.take).toBe(1);
  });
});

describe("missedTakes", () => {
  it("names the failed or canceled takes after the one shown", () => {
    const takes = [
      job(0, 0, 1, "failed"),
      job(0, 0, 2, "succeeded"),
      job(0, 0, 3, "canceled"),
      job(0, 0, 4, "failed"),
    ];
    expect(missedTakes(takes, takes[1]!).map((entry) => entry.take)).toEqual([3, 4]);
    expect(missedTakes(takes, takes[3]!)).toEqual([]);
  });
});

describe("ofCountingTakes", () => {
  it("keeps the rows of each cell's counting take, cells of two runs apart", () => {
    const row = (runId: string, jobId: string, take: number, status: JobStatus) => ({
      ...job(0, 0, take, status),
      runId,
      jobId,
    });
    const rows = [
      row("a", "a1", 1, "succeeded"),
      row("a", "a2", 2, "succeeded"),
      row("b", "b1", 1, "succeeded"),
    ];
    expect(ofCountingTakes(rows).map((entry) => entry.jobId)).toEqual(["a2", "b1"]);
  });
});
