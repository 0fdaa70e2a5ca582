import type { GalleryView } from "@/lib/api/views";
import { storedConfigurationLabel } from "@/lib/labels/names";
import type { ParamLabel } from "@/lib/labels/params";
import { toCompareItem } from "./compare-items";
import type { CompareItem } from "./compare-panel";

/**
 * The images of a share page to compare, in the order asked. A blind review that is not revealed
 * has only lettered options: those are all the labels it gets.
 */
export function galleryCompareItems(
  gallery: GalleryView,
  ids: string[],
  labels: Record<string, ParamLabel[]>,
): CompareItem[] {
  const byId = new Map<string, CompareItem>();
  for (const prompt of gallery.review?.prompts ?? []) {
    for (const option of prompt.options) {
      const { image } = option;
      byId.set(image.id, { ...image, title: `Image ${option.label}`, details: [] });
    }
  }
  for (const run of gallery.runs) {
    for (const job of run.jobs) {
      for (const image of job.images) {
        const seed = typeof job.params.seed === "number" ? job.params.seed : null;
        byId.set(
          image.id,
          toCompareItem(
            {
              image,
              runId: run.id,
              prompt: job.prompt,
              modelId: job.modelId,
              configuration: storedConfigurationLabel(run.configs[job.configIndex] ?? job),
              take: job.take,
              params: job.params,
              seed,
            },
            labels[job.id] ?? [],
          ),
        );
      }
    }
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
