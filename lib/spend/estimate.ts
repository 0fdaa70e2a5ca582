import "server-only";
import { assumedImagePriceUsd } from "@/lib/env";
import type { ModelDefinition } from "@/lib/models/types";

export interface JobCostEstimate {
  usd: number;
  /** True when the provider publishes no price and `usd` is the assumed one (PRISM_ASSUMED_PRICES). */
  assumed: boolean;
}

/** Sums of doubles drift (0.05 + 0.01 = 0.060000000000000005); money is compared in micro-dollars. */
export function roundUsd(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** What one job is expected to cost, so the daily budget caps unpriced models too. */
export function estimateJobCost(model: ModelDefinition, params: Record<string, unknown>): JobCostEstimate {
  const published = model.estimateCost(params);
  if (published !== null) return { usd: published, assumed: false };
  return { usd: assumedImagePriceUsd(model.id) * model.imageCount(params), assumed: true };
}
