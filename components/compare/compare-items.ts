import type { CompareImageView, ShownInput } from "@/lib/api/review-views";
import { modelLabel } from "@/lib/labels/names";
import type { ParamLabel } from "@/lib/labels/params";
import type { CompareItem } from "./compare-panel";

/**
 * Labels a compared image with its configuration ("FLUX.1 · schnell · shortapi", and its take past
 * the first), its prompt, its parameters as people read them ("Aspect ratio 16:9",
 * lib/labels/params.ts) and its seed.
 */
export function toCompareItem(view: Omit<CompareImageView, "inputs">, labels: ParamLabel[]): CompareItem {
  const { provider } = modelLabel(view.modelId);
  const take = view.take > 1 ? ` · take ${view.take}` : "";
  const params = labels
    .filter((param) => param.key !== "seed")
    .map((param) => `${param.title} ${param.value}`);
  return {
    id: view.image.id,
    url: view.image.url,
    thumbnailUrl: view.image.thumbnailUrl,
    width: view.image.width,
    height: view.image.height,
    title: `${view.configuration} · ${provider}${take}`,
    imageNumber: view.image.index + 1,
    prompt: view.prompt,
    details: [...params, ...(view.seed === null ? [] : [`Seed ${view.seed}`])],
  };
}

/** An input image (before the edit) as a side of its own. */
export function inputCompareItem(input: ShownInput): CompareItem {
  return { ...input, id: `input:${input.id}`, title: "Input image", details: [] };
}

/**
 * Gives images that would share a title (two images of one cell, or one configuration's images of
 * two runs) one each, so every panel and its pick group reads apart: by the image's number in its
 * cell where that tells them apart, else by their order in the view ("(2)").
 */
export function distinctTitles(items: CompareItem[]): CompareItem[] {
  const sharing = (item: CompareItem) => items.filter((entry) => entry.title === item.title);
  return items.map((item) => {
    const group = sharing(item);
    if (group.length === 1) return item;
    const numbers = new Set(group.map((entry) => entry.imageNumber ?? 0));
    const suffix =
      numbers.size === group.length && !numbers.has(0)
        ? ` · image ${item.imageNumber}`
        : ` (${group.indexOf(item) + 1})`;
    return { ...item, title: `${item.title}${suffix}` };
  });
}
