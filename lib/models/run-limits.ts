/** Isomorphic and zod-free: how large a run may be. The request schema enforces them, the copy quotes them. */

export const MAX_PROMPTS_PER_RUN = 12;
/** Configurations (columns): a model with its parameters; the same model may appear several times. */
export const MAX_CONFIGURATIONS_PER_RUN = 8;
/** Jobs a run starts with: one per cell, prompts × configurations. */
export const MAX_JOBS_PER_RUN = 48;
/** Input images one run carries (ordered; each model takes the first of them it can). */
export const MAX_INPUTS_PER_RUN = 16;
/** Images one compare view holds: a whole row or column of the largest run fits. */
export const MAX_COMPARED_IMAGES = Math.max(MAX_PROMPTS_PER_RUN, MAX_CONFIGURATIONS_PER_RUN);
