import "server-only";
import { createHash } from "node:crypto";
import type { GalleryRows } from "@/lib/db/queries/galleries";
import { galleryConfigurations } from "./gallery-configurations";
import type { TallyPrompt } from "./tally";

/** A prompt's id within a gallery: prompts can be longer than an index entry, so a hash of the text. */
export function promptKeyOf(prompt: string): string {
  return createHash("sha256").update(prompt).digest("base64url").slice(0, 22);
}

interface Rank {
  run: number;
  row: number;
}

const compareRanks = (a: Rank, b: Rank) => a.run - b.run || a.row - b.row;

/** A question of a review with the run it belongs to (the first run that has its prompt). */
export interface ReviewPromptRows extends TallyPrompt {
  runId: string;
}

/**
 * The questions of a review: one per distinct prompt, in the runs' row order (runs in the order of
 * their first shared image, as the share page lists them; rows as the run's matrix has them,
 * whatever order the images were picked or made in), each offering every shared image made for it
 * with its configuration, in gallery order. Two runs of the same prompt are one question, where its
 * first run has it.
 */
export function reviewPrompts(rows: GalleryRows): ReviewPromptRows[] {
  const jobsById = new Map(rows.jobs.map((job) => [job.id, job]));
  const configurations = galleryConfigurations(rows);
  const runOrder = new Map<string, number>();
  for (const image of rows.images) if (!runOrder.has(image.runId)) runOrder.set(image.runId, runOrder.size);
  const prompts = new Map<string, ReviewPromptRows>();
  // Where each prompt sorts: its first run's place, then its row there.
  const ranks = new Map<string, Rank>();
  for (const image of rows.images) {
    const job = jobsById.get(image.jobId);
    const configuration = configurations.get(image.jobId);
    if (!job || !configuration) continue;
    const { prompt, modelId } = job;
    const key = promptKeyOf(prompt);
    const rank = { run: runOrder.get(image.runId)!, row: job.promptIndex };
    const known = ranks.get(key);
    const entry = prompts.get(key) ?? { key, prompt, runId: image.runId, options: [] };
    if (!known || compareRanks(rank, known) < 0) {
      ranks.set(key, rank);
      entry.runId = image.runId;
    }
    entry.options.push({
      imageId: image.id,
      modelId,
      configKey: configuration.key,
      label: configuration.label,
    });
    prompts.set(key, entry);
  }
  return [...prompts.values()].sort((a, b) => compareRanks(ranks.get(a.key)!, ranks.get(b.key)!));
}

/**
 * The box every image of a prompt is rendered at in a blind review: the largest that all of them
 * fill without being enlarged (the smallest width by the smallest height), so the pixel size that
 * differs by provider at the same ratio (1024×768 vs 1152×864) says nothing.
 */
export function promptBoxes(rows: GalleryRows): Map<string, { width: number; height: number }> {
  const byId = new Map(rows.images.map((image) => [image.id, image]));
  const boxes = new Map<string, { width: number; height: number }>();
  for (const prompt of reviewPrompts(rows)) {
    const sizes = prompt.options.flatMap((option) => byId.get(option.imageId) ?? []);
    const box = {
      width: Math.min(...sizes.map((image) => image.width)),
      height: Math.min(...sizes.map((image) => image.height)),
    };
    for (const option of prompt.options) boxes.set(option.imageId, box);
  }
  return boxes;
}
