import { describe, expect, it } from "vitest";
import { finishedNotice, finishedTitle } from "./finish-notice";

const run = (...statuses: ("succeeded" | "failed")[]) => ({
  prompt: "A paper fox",
  jobs: statuses.map((status) => ({ status })),
});

describe("finish notice", () => {
  it("counts the models that succeeded in the tab title", () => {
    expect(finishedTitle(run("succeeded", "succeeded", "succeeded"))).toBe("✓ 3/3 · Prism");
    expect(finishedTitle(run("succeeded", "failed"))).toBe("✓ 1/2 · Prism");
    expect(finishedTitle(run("failed"))).toBe("✗ 0/1 · Prism");
  });

  it("says what failed and which prompt in the notification", () => {
    expect(finishedNotice(run("succeeded", "failed"))).toEqual({
      title: "Run finished: 1 of 2 jobs done, 1 failed",
      body: "A paper fox",
    });
  });
});
