import { MODEL_NAMES } from "@/lib/models/model-names";
import { providerName, type ProviderId } from "@/lib/models/providers";

/**
 * Isomorphic and zod-free: what a model and a configuration are called on screen, in files and in
 * images (README, "Glossary"). The share page, the history and the header import this, never the
 * catalog.
 */

export interface ModelLabel {
  name: string;
  provider: string;
}

/** A model's display name and its provider's, from its id ("pixazo/z-image-turbo"). */
export function modelLabel(modelId: string): ModelLabel {
  const providerId = modelId.split("/")[0] ?? "";
  const name = (MODEL_NAMES as Record<string, string>)[modelId];
  if (!name) return { name: modelId, provider: providerId };
  return { name, provider: providerName(providerId as ProviderId) };
}

/**
 * Short names for the models shown together: just the name, unless another model in the same
 * context has the same name (two providers selling Z-Image Turbo), then "name (provider)".
 */
export function namesInContext(modelIds: readonly string[]): Map<string, string> {
  const labels = new Map(modelIds.map((id) => [id, modelLabel(id)]));
  const counts = new Map<string, number>();
  for (const { name } of labels.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return new Map(
    [...labels].map(([id, { name, provider }]) => [
      id,
      (counts.get(name) ?? 0) > 1 ? `${name} (${provider})` : name,
    ]),
  );
}

/** A stored configuration's label; runs from before matrices were stored without one. */
export function storedConfigurationLabel(config: { modelId: string; label?: string }): string {
  return config.label || modelLabel(config.modelId).name;
}

/**
 * A configuration's label with its model named as among the others shown (from namesInContext):
 * "Z-Image Turbo (pixazo) · 28 steps" where two providers sell Z-Image Turbo. A label the run's
 * author gave is kept as it is.
 */
export function configurationName(
  option: { modelId: string; label: string },
  names: Map<string, string>,
): string {
  const plain = modelLabel(option.modelId).name;
  const named = names.get(option.modelId);
  return named && named !== plain && option.label.startsWith(plain)
    ? `${named}${option.label.slice(plain.length)}`
    : option.label;
}

/** What a review card names its image by: the configuration, once the page may name models. */
export function optionName(
  option: { modelId?: string; configuration?: string },
  names: Map<string, string>,
): string | undefined {
  const { modelId, configuration } = option;
  if (!modelId) return undefined;
  return configuration ? configurationName({ modelId, label: configuration }, names) : names.get(modelId);
}

/** A configuration's name wherever it stands alone: "FLUX.1 · dev (shortapi)". */
export function columnName(config: { label: string } | undefined, modelId: string): string {
  return `${config?.label ?? modelId} (${modelLabel(modelId).provider})`;
}

/**
 * Labels more than one column carries, e.g. pixazo's and DashScope's "Z-Image Turbo": where the
 * provider line under a label is left out (the contact sheet density), these need it beside them.
 */
export function ambiguousLabels(configs: readonly { label: string }[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { label } of configs) (seen.has(label) ? repeated : seen).add(label);
  return repeated;
}
