/** A run's size as its heading says it: "3 prompts × 4 models" (a model used twice counts twice). */
export function runSize(prompts: number, configs: number): string {
  return `${prompts} ${prompts === 1 ? "prompt" : "prompts"} × ${configs} ${configs === 1 ? "model" : "models"}`;
}
