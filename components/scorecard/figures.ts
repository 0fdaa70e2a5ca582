import type { ScorecardFigures, WinRateView } from "@/lib/api/views";
import { formatUsd } from "@/lib/format-usd";

/** How the scorecard writes its figures; a dash where there is nothing to count yet. */

const DASH = "—";

export const percent = (value: number | null) => (value === null ? DASH : `${Math.round(value * 100)} %`);

export const seconds = (value: number | null) =>
  value === null ? DASH : value < 10 ? `${value.toFixed(1)} s` : `${Math.round(value)} s`;

export function costText(figures: Pick<ScorecardFigures, "costPerImageUsd" | "costAssumed">): string {
  if (figures.costPerImageUsd === null) return DASH;
  return `${formatUsd(figures.costPerImageUsd)}${figures.costAssumed ? " assumed" : ""}`;
}

export function winRateText(rate: WinRateView): string {
  if (rate.value === null) return "no reviews";
  return `${percent(rate.value)} (${percent(rate.low)}–${percent(rate.high)})`;
}

export const perImage = (value: number | null) => (value === null ? DASH : value.toFixed(2));
