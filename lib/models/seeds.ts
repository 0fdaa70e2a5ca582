import type { ModelDefinition } from "./types";

/** Isomorphic: which models take a seed, and the seeds Prism picks for them. */

export const MAX_SEED_VALUE = 2_147_483_647;

export function takesSeed(model: ModelDefinition): boolean {
  return "seed" in model.params.shape;
}

export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % (MAX_SEED_VALUE + 1);
}

/**
 * The seed a job sends: the one set on the model's own form, else the run's locked seed, else a
 * fresh random one, so every job records a seed that reproduces it. Null for models without one.
 */
export function seedToSend(
  model: ModelDefinition,
  params: Record<string, unknown>,
  lockedSeed: number | null,
): number | null {
  if (!takesSeed(model)) return null;
  if (typeof params.seed === "number") return params.seed;
  return lockedSeed ?? randomSeed();
}

/** The note on a model without a seed while the run's seed is locked. */
export const SEED_NOT_SUPPORTED_NOTE =
  "No seed: this model picks its own every time, whatever the locked seed.";

/** A typed seed, or null when it is not a whole number Prism can send. */
export function parseSeed(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(value) && value >= 0 && value <= MAX_SEED_VALUE
    ? value
    : null;
}
