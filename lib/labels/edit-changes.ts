import { modelLabel } from "./names";
import { type ParamField, paramValueLabel } from "./params";
import { hasWordChanges, type WordChange, wordDiff } from "./word-diff";

/**
 * What changed between a run and the run it was edited from (Edit & re-run): the prompt word by
 * word, and the settings in plain words ("FLUX.1: Steps 28 → 16", "Added GPT Image 2").
 */

export interface RunToCompare {
  prompts: readonly string[];
  /** The text as written (a Variants template), when it is not just the prompts. */
  promptText: string | null;
  configs: readonly { modelId: string; params: Record<string, unknown>; label: string }[];
  seed: number | null;
}

export interface EditChanges {
  /** The prompt's words; absent when the prompt did not change. */
  prompt?: WordChange[];
  /** Each other change as a sentence; empty when only the prompt changed. */
  settings: string[];
}

const written = (run: RunToCompare) => run.promptText ?? run.prompts.join("\n");
const seedLabel = (seed: number | null) => (seed === null ? "random" : String(seed));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The n-th configuration of each model before is matched with the n-th of the same model after. */
function pairConfigs(before: RunToCompare["configs"], after: RunToCompare["configs"]) {
  const unmatched = [...before];
  const pairs = after.map((config) => {
    const index = unmatched.findIndex((candidate) => candidate.modelId === config.modelId);
    const [match] = index < 0 ? [undefined] : unmatched.splice(index, 1);
    return { before: match, after: config };
  });
  return { pairs, removed: unmatched };
}

function paramChanges(
  name: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly ParamField[],
): string[] {
  const keys = [
    ...new Set([...fields.map((field) => field.name), ...Object.keys(before), ...Object.keys(after)]),
  ];
  return keys.flatMap((key) => {
    if (same(before[key], after[key])) return [];
    const field = fields.find((candidate) => candidate.name === key);
    const title = field?.title ?? key;
    return [
      `${name}: ${title} ${paramValueLabel(field, before[key])} → ${paramValueLabel(field, after[key])}`,
    ];
  });
}

export function editChanges(
  before: RunToCompare,
  after: RunToCompare,
  fieldsOf: (modelId: string) => readonly ParamField[],
): EditChanges {
  const prompt = wordDiff(written(before), written(after));
  const { pairs, removed } = pairConfigs(before.configs, after.configs);
  const settings = [
    ...pairs.flatMap(({ before: old, after: config }) =>
      old
        ? paramChanges(modelLabel(config.modelId).name, old.params, config.params, fieldsOf(config.modelId))
        : [`Added ${config.label}`],
    ),
    ...removed.map((config) => `Removed ${config.label}`),
    ...(before.seed === after.seed ? [] : [`Seed ${seedLabel(before.seed)} → ${seedLabel(after.seed)}`]),
  ];
  return hasWordChanges(prompt) ? { prompt, settings } : { settings };
}
