import type { RunView } from "@/lib/api/views";
import { findModel } from "@/lib/models/catalog";
import { escapePromptVariant } from "@/lib/models/prompt-variants";
import { startingParams } from "@/lib/models/starting-params";
import { ASPECT_RATIOS, IMAGE_COUNTS, type ModelDefinition, type SharedSettings } from "@/lib/models/types";
import { type ConfigDraft, configDraft, type PromptMode, type SeedSetting } from "./run-configs";

/** A run as the playground form holds it, for "Edit & re-run". */
export interface RunForm {
  promptMode: PromptMode;
  prompt: string;
  /** The aspect ratio and image count the run's params were made from, as far as they tell. */
  shared: SharedSettings;
  configs: ConfigDraft[];
  seed: SeedSetting;
  /** The run's configurations this playground cannot use, each with why (unknown model, no key, no PUBLIC_URL...). */
  skipped: { label: string; reason: string }[];
}

const CANDIDATES: SharedSettings[] = ASPECT_RATIOS.flatMap((aspectRatio) =>
  IMAGE_COUNTS.map((numImages) => ({ aspectRatio, numImages })),
);

interface LoadedConfig {
  model: ModelDefinition;
  params: Record<string, unknown>;
}

/** The params that differ from what a fresh form of the model holds under `shared`. */
function editsUnder({ model, params }: LoadedConfig, shared: SharedSettings): Record<string, unknown> {
  const start = startingParams(model, shared);
  return Object.fromEntries(
    Object.entries(params).filter(
      ([name, value]) =>
        name in model.params.shape &&
        value !== undefined &&
        JSON.stringify(value) !== JSON.stringify(start[name]),
    ),
  );
}

/**
 * The shared settings that explain the run's params with the fewest per-configuration edits, so a
 * 16:9 run of 2 images comes back as 16:9 and 2 images rather than as the same overrides on every
 * column. Ties keep what the form holds now, then prefer settings every model honours exactly
 * (gpt-image-2's 1536x1024 reads as 3:2, not as 16:9 "nearest").
 */
function sharedSettingsOf(loaded: LoadedConfig[], current: SharedSettings): SharedSettings {
  if (loaded.length === 0) return current;
  const score = (shared: SharedSettings) => [
    loaded.reduce((sum, config) => sum + Object.keys(editsUnder(config, shared)).length, 0),
    Number(shared.aspectRatio !== current.aspectRatio) + Number(shared.numImages !== current.numImages),
    loaded.reduce((sum, { model }) => sum + model.mapSharedSettings(shared).notes.length, 0),
  ];
  const scored = CANDIDATES.map((shared) => ({ shared, score: score(shared) }));
  const better = (a: number[], b: number[]) => {
    const index = a.findIndex((value, position) => value !== b[position]);
    return index !== -1 && a[index]! < b[index]!;
  };
  return scored.reduce((best, next) => (better(next.score, best.score) ? next : best)).shared;
}

/**
 * The run's aspect ratio and image count come back as the shared settings (see sharedSettingsOf);
 * each configuration's params become edits where they differ from a fresh form under those, so
 * Generate sends the same params again and the form shows only what was really set. The Variants
 * text the run was written as comes back as written; without one, several prompts become Variants
 * lines that expand to exactly those prompts.
 */
export function formFromRun(
  run: Pick<RunView, "prompts" | "promptText" | "configs" | "seed">,
  current: SharedSettings,
  /** Why the model cannot run here, or null when it can. */
  unavailableReason: (modelId: string) => string | null,
): RunForm {
  const loaded: (LoadedConfig & { modelId: string })[] = [];
  const skipped: RunForm["skipped"] = [];
  for (const config of run.configs) {
    const model = findModel(config.modelId);
    const reason = model ? unavailableReason(config.modelId) : "not in this Prism's catalog";
    if (!model || reason) skipped.push({ label: config.label, reason: reason ?? "" });
    else loaded.push({ modelId: config.modelId, model, params: config.params });
  }
  const shared = sharedSettingsOf(loaded, current);
  const several = run.prompts.length > 1;
  return {
    promptMode: several || run.promptText !== undefined ? "variants" : "single",
    prompt:
      run.promptText ?? (several ? run.prompts.map(escapePromptVariant).join("\n") : (run.prompts[0] ?? "")),
    shared,
    configs: loaded.map((config) => configDraft(config.modelId, editsUnder(config, shared))),
    seed: run.seed === null ? { locked: false, value: "" } : { locked: true, value: String(run.seed) },
    skipped,
  };
}

/** What the form says once a run is loaded into it. */
export function loadedNotice(promptCount: number, form: RunForm): string {
  const prompts = promptCount === 1 ? "its prompt" : `its ${promptCount} prompts`;
  const count = form.configs.length;
  const configs = `${count} ${count === 1 ? "configuration" : "configurations"}`;
  const skipped =
    form.skipped.length > 0
      ? ` Left out (not available here): ${form.skipped.map(({ label, reason }) => `${label} (${reason})`).join("; ")}.`
      : "";
  const { aspectRatio, numImages } = form.shared;
  const shared = `${aspectRatio}, ${numImages} ${numImages === 1 ? "image" : "images"}`;
  return `Loaded ${prompts}, ${configs}, seed and shared settings (${shared}) into the form: change them and press Generate.${skipped}`;
}
