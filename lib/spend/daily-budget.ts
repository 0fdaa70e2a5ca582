import "server-only";
import type { Database } from "@/lib/db/client";
import { lockSpendDay, spendSince } from "@/lib/db/queries/spend";
import { AppError } from "@/lib/errors";
import { formatUsd } from "@/lib/format-usd";
import type { CreateRunInput } from "@/lib/api/run-requests";
import type { SpendView } from "@/lib/api/views";
import { estimateJobCost, roundUsd, type JobCostEstimate } from "./estimate";

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function spendToday(
  db: Database,
  budgetUsd: number | undefined,
  now: Date,
): Promise<Omit<SpendView, "simulated">> {
  const spent = await spendSince(db, startOfUtcDay(now));
  return {
    todayUsd: roundUsd(spent.usd),
    assumedUsd: roundUsd(spent.assumedUsd),
    budgetUsd: budgetUsd ?? null,
    unpricedJobs: spent.unpricedJobs,
  };
}

/**
 * Refuses a run, before any provider is called, when its estimate on top of today's spend (UTC)
 * would pass the daily budget. Runs inside the transaction that inserts the run (createRun's
 * `admit`): the day's lock makes concurrent reservations, on every instance, take turns, so the
 * budget cannot be overshot by runs checked at the same instant.
 */
export async function enforceDailyBudget(
  transaction: Database,
  input: CreateRunInput,
  budgetUsd: number | undefined,
  now: Date,
): Promise<void> {
  // One job per prompt × configuration.
  const estimates = input.prompts.flatMap(() =>
    input.models.map(({ model, params }) => estimateJobCost(model, params)),
  );
  await reserveWithinBudget(transaction, estimates, budgetUsd, now, "this run");
}

/**
 * The budget check of any new paid work (a run, another take of a cell), inside the transaction that
 * stores it: throws budget_exceeded when `estimates` on top of today's spend pass the budget.
 */
export async function reserveWithinBudget(
  transaction: Database,
  estimates: JobCostEstimate[],
  budgetUsd: number | undefined,
  now: Date,
  what: string,
): Promise<void> {
  if (budgetUsd === undefined) return;
  const estimateUsd = estimates.reduce((sum, estimate) => sum + estimate.usd, 0);
  const day = startOfUtcDay(now);
  await lockSpendDay(transaction, day);
  const todayUsd = roundUsd((await spendSince(transaction, day)).usd);
  if (roundUsd(todayUsd + estimateUsd) <= budgetUsd) return;
  const assumedNote = estimates.some((estimate) => estimate.assumed)
    ? " It includes assumed prices of models without a published one (PRISM_ASSUMED_PRICES)."
    : "";
  throw new AppError(
    "budget_exceeded",
    `Daily budget reached: ${what} is estimated at ${formatUsd(estimateUsd)} and ${formatUsd(todayUsd)} was spent today (UTC), ` +
      `more than the daily budget of ${formatUsd(budgetUsd)} (PRISM_DAILY_BUDGET_USD).${assumedNote}`,
  );
}
