import { formatUsd } from "@/lib/format-usd";
import { isTerminal, type JobStatus } from "@/lib/models/job-status";

/**
 * What a set of jobs is estimated to cost, as Generate and a whole run's Re-run say it: "est.
 * $0.24", "est. $0.20 + 2 at an assumed price". One estimate per job: a number, null where the
 * provider publishes no price (an assumed price), undefined where it cannot be known (an invalid form).
 */
export function estimatedTotal(estimates: readonly (number | null | undefined)[]): string {
  // An invalid form has no estimate: a total of the others would understate what Generate costs.
  if (estimates.includes(undefined)) return "price unknown";
  const known = estimates.filter((estimate): estimate is number => typeof estimate === "number");
  const unknown = estimates.length - known.length;
  const assumed = `${unknown} at an assumed price`;
  if (known.length === 0) return unknown > 0 ? assumed : "";
  const total = `est. ${formatUsd(known.reduce((sum, value) => sum + value, 0))}`;
  return unknown > 0 ? `${total} + ${assumed}` : total;
}

interface PricedJob {
  status: JobStatus;
  costUsd?: number;
  estimatedCostUsd: number | null;
  costAssumed?: boolean;
}

/** A take's price as a card or the lightbox says it, with the tooltip that explains where it comes from. */
export function jobCost(job: PricedJob): { text: string; title: string } {
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
  return { text: "No published price", title: "The provider publishes no price for this model" };
}
