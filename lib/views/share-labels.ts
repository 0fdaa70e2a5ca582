import "server-only";
import type { ReviewImage } from "@/lib/api/review-views";
import type { GalleryView } from "@/lib/api/views";
import { findModel } from "@/lib/models/catalog";
import { paramLabelsOf, type ParamLabel } from "@/lib/labels/params";
import { paramFields } from "@/lib/models/param-fields";

/**
 * Each shared job's parameters as people read them ("Aspect ratio 16:9"), by job id. Made on the
 * server so the share page ships no zod schema; a model no longer in the catalog keeps its keys, in words.
 */
export function jobParamLabels(gallery: GalleryView): Record<string, ParamLabel[]> {
  const labels: Record<string, ParamLabel[]> = {};
  for (const job of gallery.runs.flatMap((run) => run.jobs)) {
    const model = findModel(job.modelId);
    labels[job.id] = paramLabelsOf(model && paramFields(model), job.params);
  }
  return labels;
}

/** Every image the page shows: the review's options, or the runs' images of a plain share. */
export function galleryImages(gallery: GalleryView): ReviewImage[] {
  if (gallery.review) {
    return gallery.review.prompts.flatMap((prompt) => prompt.options.map((option) => option.image));
  }
  return gallery.runs.flatMap((run) => run.jobs.flatMap((job) => job.images));
}

/** The model ids the page may name: none in a blind review before the reveal. */
export function galleryModelIds(gallery: GalleryView): string[] {
  const ids = gallery.review
    ? gallery.review.prompts.flatMap((prompt) => prompt.options.flatMap((option) => option.modelId ?? []))
    : gallery.runs.flatMap((run) => run.jobs.map((job) => job.modelId));
  return [...new Set(ids)];
}
