import { modelLabel } from "@/components/gallery/format";

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
