import { tooManyJobs } from "@/lib/labels/run-size";
import { MAX_PROMPTS_PER_RUN } from "@/lib/models/run-limits";
import { expandPromptVariants, type PromptExpansion } from "@/lib/models/prompt-variants";
import { type PromptLimit, tooLongMessage } from "./prompt-limit";
import type { PromptMode } from "./run-configs";

/** The prompts (rows) the field stands for: the text itself, or its Variants expansion. */
export function promptRows(text: string, mode: PromptMode): PromptExpansion {
  if (mode === "variants") return expandPromptVariants(text, MAX_PROMPTS_PER_RUN);
  const prompt = text.trim();
  return prompt ? { ok: true, prompts: [prompt] } : { ok: false, error: "Prompt is required" };
}

/** What is wrong with the rows, naming the row when there are several; true when they can be sent. */
export function promptRowsError(rows: PromptExpansion, limit: PromptLimit): string | true {
  if (!rows.ok) return rows.error;
  const index = rows.prompts.findIndex((prompt) => prompt.length > limit.maxLength);
  if (index < 0) return true;
  const message = tooLongMessage(limit, rows.prompts[index]!.length);
  return rows.prompts.length > 1 ? `Prompt ${index + 1}: ${message}` : message;
}

/** How many rows the text makes, also when it makes too many to send. */
export const rowCount = (rows: PromptExpansion) => (rows.ok ? rows.prompts.length : (rows.count ?? 1));

/**
 * Why Generate cannot send this run, before anything is sent: a Variants text that does not
 * expand, too many prompts, or too many jobs. An empty prompt is not a reason: Generate says so.
 */
export function generateBlockedReason(
  rows: PromptExpansion,
  mode: PromptMode,
  text: string,
  configCount: number,
) {
  if (mode === "variants" && !rows.ok && text.trim()) return rows.error;
  const tooMany = tooManyJobs(rowCount(rows), configCount);
  return tooMany && `${tooMany}. Remove prompts or variants.`;
}
