import type { GalleryView } from "@/lib/api/views";

/** In a blind review, how an image is known to this reviewer: its prompt and option letter. */
export function blindOption(
  gallery: GalleryView,
  imageId: string,
): { label: string; prompt: string } | undefined {
  if (!gallery.review?.blind || gallery.review.revealed) return undefined;
  for (const prompt of gallery.review.prompts) {
    const option = prompt.options.find((candidate) => candidate.image.id === imageId);
    if (option) return { label: option.label, prompt: prompt.prompt };
  }
  return undefined;
}
