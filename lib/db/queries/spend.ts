import "server-only";
import { count, eq, gte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { jobs, spendLedger, type NewJobRow } from "../schema";

export interface SpendSince {
  usd: number;
  /** The part of `usd` that is an assumed price (a model without a published one). */
  assumedUsd: number;
  /** Jobs without any price, counted as $0 (only jobs made before assumed prices existed). */
  unpricedJobs: number;
}

/** Any fixed number: the first half of the advisory lock key that serialises one day's reservations. */
const SPEND_LOCK_CLASS = 1_347_571_277;

// While a job exists its own columns are the truth (the runner settles them); once its run is
// deleted, the ledger row holds what was copied at the delete.
const jobGone = sql`${jobs.id} is null`;
const effectiveUsd = sql`case when ${jobGone} then ${spendLedger.usd} else coalesce(${jobs.costUsd}, ${jobs.estimatedCostUsd}) end`;
const effectiveAssumed = sql`case when ${jobGone} then ${spendLedger.assumed} else ${jobs.costAssumed} and ${jobs.costUsd} is null end`;

/**
 * What the jobs created since `since` cost or will cost: the provider's reported cost where known,
 * else the estimate (or assumed price). Failures the provider certainly did not bill carry cost 0
 * (lib/jobs/runner/job-transitions.ts). Deleted runs still count.
 */
export async function spendSince(db: Database, since: Date): Promise<SpendSince> {
  const [row] = await db
    .select({
      usd: sql<string | number | null>`sum(coalesce(${effectiveUsd}, 0))`,
      assumedUsd: sql<
        string | number | null
      >`sum(case when ${effectiveAssumed} then ${effectiveUsd} else 0 end)`,
      unpricedJobs: count(sql`case when ${effectiveUsd} is null then 1 end`),
    })
    .from(spendLedger)
    .leftJoin(jobs, eq(jobs.id, spendLedger.jobId))
    .where(gte(spendLedger.createdAt, since));
  return {
    usd: Number(row?.usd ?? 0),
    assumedUsd: Number(row?.assumedUsd ?? 0),
    unpricedJobs: row?.unpricedJobs ?? 0,
  };
}

/** Longest wait for the day's spend lock. */
const SPEND_LOCK_WAIT_MS = 2_000;

/**
 * Waits for, then holds until the transaction ends, the one lock of this UTC day's spend: a
 * reservation (read the spend, insert the run) then sees every reservation committed before it,
 * on any instance.
 */
export async function lockSpendDay(transaction: Database, day: Date): Promise<void> {
  const dayNumber = Math.floor(day.getTime() / 86_400_000);
  // Short: the lock is held for milliseconds, so a longer wait means its holder is stuck (frozen
  // mid-transaction until PostgreSQL ends its session). The request is then refused with a 503 and
  // Retry-After (lib/http/database-unavailable.ts) instead of piling up on every instance.
  await transaction.execute(sql`set local lock_timeout = ${sql.raw(String(SPEND_LOCK_WAIT_MS))}`);
  await transaction.execute(sql`select pg_advisory_xact_lock(${SPEND_LOCK_CLASS}::int4, ${dayNumber}::int4)`);
}

/** Reserves new jobs' estimates: part of the transaction that inserts them. */
export async function insertLedgerEntries(transaction: Database, jobRows: NewJobRow[]): Promise<void> {
  if (jobRows.length === 0) return;
  await transaction.insert(spendLedger).values(
    jobRows.map((job) => ({
      jobId: job.id,
      runId: job.runId,
      modelId: job.modelId,
      createdAt: job.createdAt ?? sql`now()`,
      usd: job.estimatedCostUsd ?? null,
      assumed: job.costAssumed ?? false,
    })),
  );
}

/**
 * Copies what each job of a run cost into the ledger; part of the transaction that deletes the run.
 * The jobs are locked first, so a cost the runner settles meanwhile is not lost between copy and delete.
 */
export async function archiveRunSpend(transaction: Database, runId: string): Promise<void> {
  await transaction.select({ id: jobs.id }).from(jobs).where(eq(jobs.runId, runId)).for("update");
  await transaction
    .update(spendLedger)
    .set({
      usd: sql`coalesce(${jobs.costUsd}, ${jobs.estimatedCostUsd})`,
      assumed: sql`${jobs.costAssumed} and ${jobs.costUsd} is null`,
    })
    .from(jobs)
    .where(sql`${jobs.id} = ${spendLedger.jobId} and ${jobs.runId} = ${runId}`);
}
