import type { GalleryView } from "@/lib/api/views";
import { storedConfigurationLabel } from "@/lib/labels/names";
import type { ParamLabel } from "@/lib/labels/params";
import { inputCompareItem, toCompareItem } from "./compare-items";
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

/**
 * The input image the first compared image that has one was edited from, as a side of its own: in
 * a review, its prompt's (a blind review's own id and URL), else its run's.
 */
export function galleryCompareInput(gallery: GalleryView, ids: string[]): CompareItem | null {
  for (const id of ids) {
    const prompt = gallery.review?.prompts.find((entry) =>
      entry.options.some((option) => option.image.id === id),
    );
    const run = gallery.runs.find((entry) =>
      entry.jobs.some((job) => job.images.some((image) => image.id === id)),
    );
    const input = prompt?.inputs[0] ?? run?.inputs[0];
    if (input) return inputCompareItem(input);
  }
  return null;
}
