/** A column of the next run as the form holds it: a model and the values set on its own form. */
export interface ConfigDraft {
  /** Stable for the life of the form; React keys and form handles go by it. */
  key: string;
  modelId: string;
  /** Values set explicitly on this configuration's form; the rest follow the shared settings. */
  edits: Record<string, unknown>;
}

export type PromptMode = "single" | "variants";

/** The shared Seed setting: random per job, or one locked seed; `value` is the field as typed. */
export interface SeedSetting {
  locked: boolean;
  value: string;
}

export const RANDOM_SEED: SeedSetting = { locked: false, value: "" };

let created = 0;

export function configDraft(modelId: string, edits: Record<string, unknown> = {}): ConfigDraft {
  created += 1;
  return { key: `config-${Date.now().toString(36)}-${created}`, modelId, edits };
}

/** Grouped by model in the picker's order; a model's variants keep the order they were added in. */
export function inPickerOrder(configs: readonly ConfigDraft[], modelIds: readonly string[]): ConfigDraft[] {
  return [...configs].sort((a, b) => modelIds.indexOf(a.modelId) - modelIds.indexOf(b.modelId));
}

/** The distinct models of the configurations, in their order. */
export const modelsOf = (configs: readonly ConfigDraft[]) => [
  ...new Set(configs.map((config) => config.modelId)),
];

/** Puts `replacements` where `key` was (none removes it). */
export function replaceConfig(
  configs: readonly ConfigDraft[],
  key: string,
  replacements: ConfigDraft[],
): ConfigDraft[] {
  return configs.flatMap((config) => (config.key === key ? replacements : [config]));
}
