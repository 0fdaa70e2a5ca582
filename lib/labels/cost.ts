import { formatUsd } from "@/lib/format-usd";
import { isTerminal, type JobStatus } from "@/lib/models/job-status";

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
