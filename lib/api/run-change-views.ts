import { z } from "zod";

/** Isomorphic: what a run's view says changed since the run it was edited from (Edit & re-run). */

const meta = (description: string) => ({ description });

export const wordChangeSchema = z.object({
  op: z.enum(["same", "added", "removed"]),
  text: z.string().meta(meta("A run of words with the same op, joined by single spaces.")),
});

export const editedFromSchema = z
  .object({
    runId: z.string(),
    prompt: z
      .array(wordChangeSchema)
      .optional()
      .meta(meta("The prompt as written, word by word; absent when it did not change.")),
    settings: z
      .array(z.string())
      .meta(meta('Every other change in plain words, e.g. "FLUX.1: Steps 28 → 16", "Added GPT Image 2".')),
  })
  .meta(meta("Present when the run was edited from another that still exists; never on share pages."));

export type EditedFromView = z.output<typeof editedFromSchema>;
export type WordChangeView = z.output<typeof wordChangeSchema>;
