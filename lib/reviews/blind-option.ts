import type { GalleryView } from "@/lib/api/views";

/**
 * In a blind review (revealed or not), how one of its own images is known to this reviewer: its
 * prompt and option letter. Its downloads are the review's renditions, named so.
 */
export function blindOption(
  gallery: GalleryView,
  imageId: string,
): { label: string; prompt: string } | undefined {
  if (!gallery.review?.blind) return undefined;
  for (const prompt of gallery.review.prompts) {
    const option = prompt.options.find((candidate) => candidate.image.id === imageId);
    if (option) return { label: option.label, prompt: prompt.prompt };
  }
  return undefined;
}
