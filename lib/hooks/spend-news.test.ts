import { describe, expect, it } from "vitest";
import type { JobStatus } from "@/lib/models/job-status";
import { changesSpend } from "./spend-news";

const run = (...jobs: [string, JobStatus, number?][]) => ({
  jobs: jobs.map(([id, status, costUsd]) => ({ id, status, ...(costUsd !== undefined ? { costUsd } : {}) })),
});

describe("whether a new copy of a watched run may have changed today's spend", () => {
  it("is so when a job finished or a job's reported cost changed", () => {
    expect(changesSpend(run(["a", "running"]), run(["a", "succeeded"]))).toBe(true);
    expect(changesSpend(run(["a", "running"]), run(["a", "failed"]))).toBe(true);
    expect(changesSpend(run(["a", "running"]), run(["a", "running", 0.02]))).toBe(true);
    expect(changesSpend(run(["a", "succeeded"]), run(["a", "succeeded"], ["b", "queued"]))).toBe(true);
  });

  it("is not so for a state that costs nothing new (a job starting, a retry note)", () => {
    expect(changesSpend(run(["a", "queued"]), run(["a", "running"]))).toBe(false);
    expect(changesSpend(run(["a", "running", 0.02]), run(["a", "running", 0.02]))).toBe(false);
    expect(changesSpend(run(["a", "succeeded", 0.02]), run(["a", "succeeded", 0.02]))).toBe(false);
  });
});
