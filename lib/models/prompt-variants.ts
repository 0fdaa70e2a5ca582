/**
 * Isomorphic: the playground's Variants mode. One prompt per line, and `{a|b|c}` alternatives that
 * expand into every combination: "a {red|blue} fox in {watercolor|pixel art}" is four prompts.
 * `\{`, `\}`, `\|` and `\\` stand for the character itself.
 */

export type PromptExpansion =
  | { ok: true; prompts: string[] }
  /** `count` is how many prompts the text makes, when it makes too many. */
  | { ok: false; error: string; count?: number };

type Segment = string | string[];

const SPECIAL = /[\\{}|]/g;
/** Above this, a line's combinations are counted but never written out. */
const MATERIALIZE_CAP = 1_000;

class VariantSyntaxError extends Error {}

/** A line as literal text and groups of alternatives, in order. */
function parseLine(line: string, lineNumber: number): Segment[] {
  const segments: Segment[] = [];
  let text = "";
  let group: string[] | null = null;
  const where = (column: number) => `Line ${lineNumber}, column ${column + 1}`;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    const next = line[index + 1];
    if (char === "\\" && next !== undefined && "\\{}|".includes(next)) {
      text += next;
      index++;
    } else if (char === "{") {
      if (group) throw new VariantSyntaxError(`${where(index)}: "{" inside a group; groups cannot nest.`);
      segments.push(text);
      text = "";
      group = [];
    } else if (char === "}") {
      if (!group)
        throw new VariantSyntaxError(`${where(index)}: "}" without a "{" before it (write \\} for a brace).`);
      group.push(text);
      segments.push(group);
      text = "";
      group = null;
    } else if (char === "|" && group) {
      group.push(text);
      text = "";
    } else {
      text += char;
    }
  }
  if (group) throw new VariantSyntaxError(`Line ${lineNumber}: a "{" is never closed with "}".`);
  segments.push(text);
  return segments;
}

function combinationCount(segments: Segment[]): number {
  return segments.reduce((count, segment) => count * (typeof segment === "string" ? 1 : segment.length), 1);
}

/** Every combination, the first group varying slowest; spaces left by an empty alternative collapse. */
function combinations(segments: Segment[]): string[] {
  let results = [""];
  for (const segment of segments) {
    const options = typeof segment === "string" ? [segment] : segment;
    results = results.flatMap((prefix) => options.map((option) => prefix + option));
  }
  return results.map((prompt) => prompt.replace(/\s+/g, " ").trim());
}

/** The prompts a Variants text stands for, deduplicated in order, or why it cannot be sent. */
export function expandPromptVariants(text: string, maxPrompts: number): PromptExpansion {
  const prompts: string[] = [];
  let total = 0;
  try {
    for (const [index, line] of text.split(/\r?\n/).entries()) {
      if (!line.trim()) continue;
      const segments = parseLine(line, index + 1);
      const count = combinationCount(segments);
      total += count;
      // Counting is enough to refuse a huge text; writing out 4^10 prompts would hang the tab.
      if (total > MATERIALIZE_CAP) return tooMany(total, maxPrompts);
      prompts.push(...combinations(segments));
    }
  } catch (error) {
    if (error instanceof VariantSyntaxError) return { ok: false, error: error.message };
    throw error;
  }
  const unique = [...new Set(prompts.filter(Boolean))];
  if (unique.length === 0) return { ok: false, error: "Write at least one prompt." };
  if (unique.length > maxPrompts) return tooMany(unique.length, maxPrompts);
  return { ok: true, prompts: unique };
}

function tooMany(count: number, maxPrompts: number): PromptExpansion {
  return {
    ok: false,
    count,
    error: `This makes ${count.toLocaleString("en-US")} prompts; a run takes at most ${maxPrompts}. Remove some lines or alternatives.`,
  };
}

/** A prompt as one line of Variants text that expands to exactly that prompt. */
export function escapePromptVariant(prompt: string): string {
  return prompt.replace(/\s*\r?\n\s*/g, " ").replace(SPECIAL, "\\$&");
}
