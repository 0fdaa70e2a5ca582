import type { CompareImageView } from "@/lib/api/review-views";
import { modelLabel } from "@/lib/labels/names";
import type { CompareItem } from "./compare-panel";

const humanKey = (key: string) => {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const formatValue = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/**
 * Labels a compared image with its configuration ("FLUX.1 · schnell · shortapi", and its take past
 * the first), its parameters ("Aspect ratio 16:9") and its seed.
 */
export function toCompareItem(view: Omit<CompareImageView, "inputs">): CompareItem {
  const { provider } = modelLabel(view.modelId);
  const take = view.take > 1 ? ` · take ${view.take}` : "";
  const params = Object.entries(view.params)
    .filter(([key]) => key !== "seed")
    .map(([key, value]) => `${humanKey(key)} ${formatValue(value)}`);
  return {
    id: view.image.id,
    url: view.image.url,
    thumbnailUrl: view.image.thumbnailUrl,
    width: view.image.width,
    height: view.image.height,
    title: `${view.configuration} · ${provider}${take}`,
    details: [...params, ...(view.seed === null ? [] : [`Seed ${view.seed}`])],
  };
}
