/**
 * Pure: "which is better?" between two images at a time until one remains. The chosen image stays
 * where it is and the next candidate takes the loser's side, so n candidates take exactly n − 1
 * choices and nobody has to remember which side the earlier winner was on.
 */

export type PairwiseSide = "left" | "right";

export interface PairwiseState<T> {
  candidates: readonly T[];
  left: T;
  right: T;
  /** Index of the next candidate to bring in. */
  next: number;
  choices: number;
  /** The one that remains, once decided. */
  winner: T | null;
}

export function startPairwise<T>(candidates: readonly T[]): PairwiseState<T> {
  const [first, second] = candidates;
  if (first === undefined) throw new Error("Pairwise needs at least one candidate");
  if (second === undefined) {
    return { candidates, left: first, right: first, next: 1, choices: 0, winner: first };
  }
  return { candidates, left: first, right: second, next: 2, choices: 0, winner: null };
}

export function choosePairwise<T>(state: PairwiseState<T>, side: PairwiseSide): PairwiseState<T> {
  if (state.winner !== null) return state;
  const chosen = side === "left" ? state.left : state.right;
  const choices = state.choices + 1;
  const incoming = state.candidates[state.next];
  if (incoming === undefined) return { ...state, choices, winner: chosen };
  return {
    ...state,
    left: side === "left" ? state.left : incoming,
    right: side === "right" ? state.right : incoming,
    next: state.next + 1,
    choices,
  };
}

/** Candidates still in play: "3 of 4 left". */
export function pairwiseLeft(state: PairwiseState<unknown>): number {
  return state.winner !== null ? 1 : state.candidates.length - state.choices;
}

/** ← or 1 keeps the left image, → or 2 the right one. */
export function pairwiseKey(key: string): PairwiseSide | null {
  if (key === "ArrowLeft" || key === "1") return "left";
  if (key === "ArrowRight" || key === "2") return "right";
  return null;
}
