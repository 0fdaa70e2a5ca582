/**
 * Pure: what a key does on a run's matrix or a review (one prompt per row). Number keys pick the
 * winner of the focused row by column, 0 picks "None of these" where the page offers it (a review),
 * S stars, N notes, J/K move between rows, P compares the row pairwise, ? lists the keys.
 */

export type TriageAction =
  | { kind: "pick"; column: number }
  | { kind: "none" }
  | { kind: "star" }
  | { kind: "note" }
  | { kind: "row"; delta: 1 | -1 }
  | { kind: "pairwise" }
  | { kind: "help" };

/** Number keys reach this many columns (a run has at most 8 configurations). */
export const MAX_PICK_COLUMNS = 8;

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const LETTERS: Record<string, TriageAction> = {
  s: { kind: "star" },
  n: { kind: "note" },
  j: { kind: "row", delta: 1 },
  k: { kind: "row", delta: -1 },
  p: { kind: "pairwise" },
};

/** `none`: the rows offer "None of these" (a review's do, a run's matrix does not). */
export function triageAction(event: KeyLike, columns: number, none = false): TriageAction | null {
  // Ctrl/⌘/Alt combinations belong to the browser and the system.
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === "?") return { kind: "help" };
  if (event.key === "0") return none ? { kind: "none" } : null;
  if (/^[1-9]$/.test(event.key)) {
    const column = Number(event.key) - 1;
    return column < Math.min(columns, MAX_PICK_COLUMNS) ? { kind: "pick", column } : null;
  }
  return LETTERS[event.key.toLowerCase()] ?? null;
}

/** The row J/K lead to, staying within the rows; from no row at all, the first. */
export function stepRow(current: number | null, delta: 1 | -1, rows: number): number {
  if (current === null) return 0;
  return Math.min(rows - 1, Math.max(0, current + delta));
}

const NOT_TYPED = new Set([
  "button",
  "checkbox",
  "radio",
  "range",
  "color",
  "file",
  "submit",
  "reset",
  "image",
]);

/** Keys typed into a text field are text, not commands. */
export function isTypingTarget(
  element: { tagName: string; type?: string; isContentEditable?: boolean } | null,
): boolean {
  if (!element) return false;
  if (element.isContentEditable) return true;
  if (element.tagName === "TEXTAREA" || element.tagName === "SELECT") return true;
  return element.tagName === "INPUT" && !NOT_TYPED.has(element.type ?? "text");
}
