"use client";

import { formatUsd } from "@/lib/format-usd";
import { Badge } from "@/components/ui/badge";
import { useSpend } from "@/lib/hooks/use-spend";

export function SpendIndicator() {
  const { data } = useSpend();
  if (!data) return null;
  // The simulator charges nothing real: say so, or its made-up prices read as money spent.
  const { todayUsd, assumedUsd, budgetUsd, unpricedJobs, simulated } = data;
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
  const simulatedNote = simulated ? " Simulated: the built-in simulator charged nothing real." : "";
  return (
    <Badge
      tone={nearLimit ? "warning" : "neutral"}
      className="max-sm:hidden"
      title={`${title}${simulatedNote}`}
      aria-label={`Today's ${simulated ? "simulated " : ""}spend: ${formatUsd(todayUsd)}${assumedUsd > 0 ? `, ${formatUsd(assumedUsd)} of it assumed` : ""}`}
    >
      {simulated ? "Simulated" : "Today"} {formatUsd(todayUsd)}
      {budgetUsd !== null ? <span className="text-fg-subtle">/ {formatUsd(budgetUsd)}</span> : null}
      {assumedUsd > 0 ? <span className="text-fg-subtle">({formatUsd(assumedUsd)} assumed)</span> : null}
    </Badge>
  );
}
