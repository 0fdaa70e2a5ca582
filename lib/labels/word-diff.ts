/**
 * What changed between two prompts, word by word: the longest common subsequence of their words,
 * with the words only one side has marked added or removed. Prompts are short (a few hundred
 * words at most), so the quadratic table is cheap.
 */

export interface WordChange {
  op: "same" | "added" | "removed";
  /** One word or a run of words with the same op, joined by single spaces. */
  text: string;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The words of `after` against `before`, in reading order; a removed run comes before what replaced it. */
export function wordDiff(before: string, after: string): WordChange[] {
  const a = words(before);
  const b = words(after);
  // common[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
  const common = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      common[i]![j] =
        a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  const changes: WordChange[] = [];
  const push = (op: WordChange["op"], word: string) => {
    const last = changes.at(-1);
    if (last?.op === op) last.text += ` ${word}`;
    else changes.push({ op, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push("same", a[i]!);
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && common[i + 1]![j]! >= common[i]![j + 1]!)) {
      push("removed", a[i++]!);
    } else {
      push("added", b[j++]!);
    }
  }
  return changes;
}

/** True when the diff has anything but unchanged words. */
export const hasWordChanges = (changes: readonly WordChange[]) =>
  changes.some((change) => change.op !== "same");
