import type { CreateRunBody } from "@/lib/api/run-requests";
import type { RunView } from "@/lib/api/views";

/**
 * A new run of the same settings: the prompts and the Variants text they came from, each
 * configuration with its label, the seed rule, and an edit run's input images, without which its
 * edit models would have nothing to edit.
 */
export function rerunBody(run: RunView): CreateRunBody {
  return {
    prompts: run.prompts,
    ...(run.promptText ? { promptText: run.promptText } : {}),
    models: run.configs.map((config) => ({
      modelId: config.modelId,
      params: config.params,
      notes: config.notes,
      label: config.label,
    })),
    seed: run.seed,
    ...(run.inputs.length > 0 ? { inputs: run.inputs.map((input) => input.id) } : {}),
  };
}
