import type { RunView } from "@/lib/api/views";
import { findModel } from "@/lib/models/catalog";
import { escapePromptVariant } from "@/lib/models/prompt-variants";
import { startingParams } from "@/lib/models/starting-params";
import type { SharedSettings } from "@/lib/models/types";
import { type ConfigDraft, configDraft, type PromptMode, type SeedSetting } from "./run-configs";

/** A run as the playground form holds it, for "Edit & re-run". */
export interface RunForm {
  promptMode: PromptMode;
  prompt: string;
  configs: ConfigDraft[];
  seed: SeedSetting;
  /** Names of the run's models this playground cannot use (unknown or without a key). */
  skipped: string[];
}

/**
 * Each configuration's params become edits where they differ from what a fresh form holds under
 * the current shared settings, so Generate sends the same params again and the form shows only
 * what was really set. Several prompts become Variants lines that expand to exactly those prompts.
 */
export function formFromRun(
  run: Pick<RunView, "prompts" | "configs" | "seed">,
  shared: SharedSettings,
  isAvailable: (modelId: string) => boolean,
): RunForm {
  const configs: ConfigDraft[] = [];
  const skipped: string[] = [];
  for (const config of run.configs) {
    const model = findModel(config.modelId);
    if (!model || !isAvailable(config.modelId)) {
      skipped.push(config.label);
      continue;
    }
    const start = startingParams(model, shared);
    const edits = Object.fromEntries(
      Object.entries(config.params).filter(
        ([name, value]) =>
          name in model.params.shape &&
          value !== undefined &&
          JSON.stringify(value) !== JSON.stringify(start[name]),
      ),
    );
    configs.push(configDraft(config.modelId, edits));
  }
  const several = run.prompts.length > 1;
  return {
    promptMode: several ? "variants" : "single",
    prompt: several ? run.prompts.map(escapePromptVariant).join("\n") : (run.prompts[0] ?? ""),
    configs,
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
    form.skipped.length > 0 ? ` Left out (not available here): ${form.skipped.join(", ")}.` : "";
  return `Loaded ${prompts}, ${configs} and seed into the form: change them and press Generate.${skipped}`;
}
