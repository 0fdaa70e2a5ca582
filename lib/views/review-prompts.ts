import "server-only";
import { createHash } from "node:crypto";
import type { GalleryRows } from "@/lib/db/queries/galleries";
import { galleryConfigurations } from "./gallery-configurations";
import type { TallyPrompt } from "./tally";

/** A prompt's id within a gallery: prompts can be longer than an index entry, so a hash of the text. */
export function promptKeyOf(prompt: string): string {
  return createHash("sha256").update(prompt).digest("base64url").slice(0, 22);
}

/**
 * The questions of a review: one per distinct prompt, in the order of the gallery's first image of
 * it, each offering every shared image made for it with its configuration. Two runs of the same
 * prompt are one question.
 */
export function reviewPrompts(rows: GalleryRows): TallyPrompt[] {
  const jobsById = new Map(rows.jobs.map((job) => [job.id, job]));
  const configurations = galleryConfigurations(rows);
  const prompts = new Map<string, TallyPrompt>();
  for (const image of rows.images) {
    const job = jobsById.get(image.jobId);
    const configuration = configurations.get(image.jobId);
    if (!job || !configuration) continue;
    const { prompt, modelId } = job;
    const key = promptKeyOf(prompt);
    const entry = prompts.get(key) ?? { key, prompt, options: [] };
    entry.options.push({
      imageId: image.id,
      modelId,
      configKey: configuration.key,
      label: configuration.label,
    });
    prompts.set(key, entry);
  }
  return [...prompts.values()];
}
