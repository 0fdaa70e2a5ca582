"use client";

import { formatUsd } from "@/lib/format-usd";
import { Badge } from "@/components/ui/badge";
import { useSpend } from "@/lib/hooks/use-spend";

export function SpendIndicator() {
  const { data } = useSpend();
  if (!data) return null;
  const { todayUsd, assumedUsd, budgetUsd, unpricedJobs } = data;
  const nearLimit = budgetUsd !== null && todayUsd >= budgetUsd * 0.8;
  const unpriced =
    unpricedJobs > 0 ? ` ${unpricedJobs} job(s) today have no known price and count as $0.` : "";
  const assumed =
    assumedUsd > 0
      ? ` ${formatUsd(assumedUsd)} of it is assumed prices of models without a published one.`
      : "";
  const title =
    budgetUsd === null
      ? `Spent today (UTC).${assumed}${unpriced}`
      : `Spent today (UTC) of the daily budget.${assumed}${unpriced}`;
  return (
    <Badge
      tone={nearLimit ? "warning" : "neutral"}
      className="max-sm:hidden"
      title={title}
      aria-label={`Today's spend: ${formatUsd(todayUsd)}${assumedUsd > 0 ? `, ${formatUsd(assumedUsd)} of it assumed` : ""}`}
    >
      Today {formatUsd(todayUsd)}
      {budgetUsd !== null ? <span className="text-fg-subtle">/ {formatUsd(budgetUsd)}</span> : null}
      {assumedUsd > 0 ? <span className="text-fg-subtle">({formatUsd(assumedUsd)} assumed)</span> : null}
    </Badge>
  );
}
