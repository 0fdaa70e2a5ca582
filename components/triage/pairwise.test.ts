import { describe, expect, it } from "vitest";
import { choosePairwise, pairwiseKey, pairwiseLeft, startPairwise } from "./pairwise";

describe("pairwise elimination", () => {
  it("keeps the chosen image in place and brings the next candidate in on the loser's side", () => {
    let state = startPairwise(["a", "b", "c", "d"]);
    expect([state.left, state.right, pairwiseLeft(state)]).toEqual(["a", "b", 4]);
    state = choosePairwise(state, "right");
    expect([state.left, state.right, pairwiseLeft(state)]).toEqual(["c", "b", 3]);
    state = choosePairwise(state, "left");
    expect([state.left, state.right, pairwiseLeft(state)]).toEqual(["c", "d", 2]);
    state = choosePairwise(state, "left");
    expect(state.winner).toBe("c");
    expect(pairwiseLeft(state)).toBe(1);
    expect(state.choices).toBe(3);
  });

  it("takes n − 1 choices whatever is chosen", () => {
    const candidates = ["a", "b", "c", "d", "e", "f", "g", "h"];
    // Keeping one side: its first image holds to the end.
    for (const [side, kept] of [
      ["left", "a"],
      ["right", "b"],
    ] as const) {
      let state = startPairwise(candidates);
      while (state.winner === null) state = choosePairwise(state, side);
      expect(state.choices).toBe(candidates.length - 1);
      expect(state.winner).toBe(kept);
    }
    // Always the newcomer (on the side the previous loser left): the last candidate wins.
    let state = startPairwise(candidates);
    let newcomer: "left" | "right" = "right";
    while (state.winner === null) {
      state = choosePairwise(state, newcomer);
      newcomer = newcomer === "left" ? "right" : "left";
    }
    expect(state.choices).toBe(candidates.length - 1);
    expect(state.winner).toBe("h");
  });

  it("needs no choice for one candidate, and ignores a choice once decided", () => {
    const single = startPairwise(["only"]);
    expect(single.winner).toBe("only");
    expect(choosePairwise(single, "left")).toBe(single);
    expect(() => startPairwise([])).toThrow();
  });

  it("maps ← / 1 to the left image and → / 2 to the right one", () => {
    expect(["ArrowLeft", "1", "ArrowRight", "2", "3", "Enter"].map(pairwiseKey)).toEqual([
      "left",
      "left",
      "right",
      "right",
      null,
      null,
    ]);
  });
});
