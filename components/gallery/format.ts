import { isTerminal } from "@/lib/models/job-status";
import type { JobView } from "@/lib/api/views";
// Never lib/models/catalog: it carries the zod schemas, which the header, the history and the
// share page must not ship.
import { MODEL_NAMES } from "@/lib/models/model-names";
import { providerName } from "@/lib/models/providers";
import type { ProviderId } from "@/lib/models/types";

import { formatUsd } from "@/lib/format-usd";

export function formatSeconds(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m ${String(Math.floor(seconds % 60)).padStart(2, "0")}s`;
}

export interface ModelLabel {
  name: string;
  provider: string;
}

export function modelLabel(modelId: string): ModelLabel {
  const providerId = modelId.split("/")[0] ?? "";
  const name = (MODEL_NAMES as Record<string, string>)[modelId];
  if (!name) return { name: modelId, provider: providerId };
  return { name, provider: providerName(providerId as ProviderId) };
}

export function jobCost(job: JobView): { text: string; title: string } {
  if (job.costUsd !== undefined && isTerminal(job.status))
    return { text: formatUsd(job.costUsd), title: "Charged by the provider" };
  if (job.estimatedCostUsd !== null && job.costAssumed)
    return {
      text: `${formatUsd(job.estimatedCostUsd)} assumed`,
      title: "No published price: the daily budget counts this assumed price",
    };
  if (job.estimatedCostUsd !== null)
    return {
      text: `est. ${formatUsd(job.estimatedCostUsd)}`,
      title: "Estimated from the provider's published price",
    };
  return { text: "price unknown", title: "The provider publishes no price for this model" };
}

/**
 * Short names for the models shown together: just the name, unless another model in the same
 * context has the same name (two providers selling Z-Image Turbo), then "name (provider)".
 */
export function namesInContext(modelIds: readonly string[]): Map<string, string> {
  const labels = new Map(modelIds.map((id) => [id, modelLabel(id)]));
  const counts = new Map<string, number>();
  for (const { name } of labels.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return new Map(
    [...labels].map(([id, { name, provider }]) => [
      id,
      (counts.get(name) ?? 0) > 1 ? `${name} (${provider})` : name,
    ]),
  );
}
