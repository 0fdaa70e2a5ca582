import {
  MAX_CONFIGURATIONS_PER_RUN,
  MAX_INPUTS_PER_RUN,
  MAX_JOBS_PER_RUN,
  MAX_PROMPTS_PER_RUN,
} from "@/lib/models/run-limits";

/** "1 prompt", "3 configurations". */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/** A run's size as its heading says it: "3 prompts × 4 configurations" (a model used twice counts twice). */
export function runSize(prompts: number, configurations: number): string {
  return `${plural(prompts, "prompt")} × ${plural(configurations, "configuration")}`;
}

/** What Generate is about to start: "3 configurations", or for a matrix "4 prompts × 3 configurations · 12 jobs". */
export function nextRunSize(prompts: number, configurations: number): string {
  if (prompts <= 1) return plural(configurations, "configuration");
  return `${runSize(prompts, configurations)} · ${plural(prompts * configurations, "job")}`;
}

/** Run limits as the form, the sweep and the API's errors say them, from the constants. */
export const RUN_LIMITS = {
  prompts: `A run takes at most ${MAX_PROMPTS_PER_RUN} prompts`,
  configurations: `A run takes at most ${MAX_CONFIGURATIONS_PER_RUN} configurations`,
  inputs: `A run takes at most ${MAX_INPUTS_PER_RUN} input images`,
} as const;

/** Why a matrix is too large: "12 prompts × 5 configurations is 60 jobs; a run takes at most 48". */
export function tooManyJobs(prompts: number, configurations: number): string | null {
  const jobs = prompts * configurations;
  if (jobs <= MAX_JOBS_PER_RUN) return null;
  return `${runSize(prompts, configurations)} is ${jobs} jobs; a run takes at most ${MAX_JOBS_PER_RUN}`;
}
