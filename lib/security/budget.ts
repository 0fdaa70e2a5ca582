import "server-only";
import type { Database } from "@/lib/db/client";
import { spendSince } from "@/lib/db/queries/spend";
import { AppError } from "@/lib/errors";
import type { CreateRunInput } from "@/lib/api/run-requests";
import type { SpendView } from "@/lib/api/views";

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function spendToday(db: Database, budgetUsd: number | undefined, now: Date): Promise<SpendView> {
  const spent = await spendSince(db, startOfUtcDay(now));
  return { todayUsd: spent.usd, budgetUsd: budgetUsd ?? null, unpricedJobs: spent.unpricedJobs };
}

function formatUsd(value: number): string {
  return `$${value.toFixed(value > 0 && value < 1 ? 3 : 2)}`;
}

/**
 * Refuses a run, before any provider is called, when its estimate on top of today's spend (UTC)
 * would pass the daily budget. Models without a price count as $0, and the message says so.
 * Two runs checked at the same instant can both pass: the budget is a guard, not an exact ledger.
 */
export async function enforceDailyBudget(
  db: Database,
  input: CreateRunInput,
  budgetUsd: number | undefined,
  now: Date,
): Promise<void> {
  if (budgetUsd === undefined) return;
  const estimates = input.models.map(({ model, params }) => ({
    name: `${model.name} (${model.providerId})`,
    usd: model.estimateCost(params),
  }));
  const estimateUsd = estimates.reduce((sum, estimate) => sum + (estimate.usd ?? 0), 0);
  const { todayUsd } = await spendToday(db, budgetUsd, now);
  if (todayUsd + estimateUsd <= budgetUsd) return;
  const unpriced = estimates.filter((estimate) => estimate.usd === null).map((estimate) => estimate.name);
  const unpricedNote =
    unpriced.length > 0 ? ` No price is known for ${unpriced.join(", ")}; counted as $0.` : "";
  throw new AppError(
    "budget_exceeded",
    `Daily budget reached: this run is estimated at ${formatUsd(estimateUsd)} and ${formatUsd(todayUsd)} was spent today (UTC), ` +
      `more than the daily budget of ${formatUsd(budgetUsd)} (PRISM_DAILY_BUDGET_USD).${unpricedNote}`,
  );
}
