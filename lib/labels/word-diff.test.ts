import { describe, expect, it } from "vitest";
import { hasWordChanges, wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("marks the words added and removed, keeping the rest in reading order", () => {
    expect(wordDiff("a red fox in the snow", "a blue fox in the deep snow")).toEqual([
      { op: "same", text: "a" },
      { op: "removed", text: "red" },
      { op: "added", text: "blue" },
      { op: "same", text: "fox in the" },
      { op: "added", text: "deep" },
      { op: "same", text: "snow" },
    ]);
  });

  it("ignores how the words are spaced, and handles an empty side", () => {
    expect(hasWordChanges(wordDiff("a  fox\nat dusk", "a fox at dusk"))).toBe(false);
    expect(wordDiff("", "a fox")).toEqual([{ op: "added", text: "a fox" }]);
    expect(wordDiff("a fox", "")).toEqual([{ op: "removed", text: "a fox" }]);
    expect(wordDiff("", "")).toEqual([]);
  });

  it("keeps a word that moved as removed in one place and added in the other", () => {
    expect(wordDiff("fox red", "red fox")).toEqual([
      { op: "removed", text: "fox" },
      { op: "same", text: "red" },
      { op: "added", text: "fox" },
    ]);
  });
});
