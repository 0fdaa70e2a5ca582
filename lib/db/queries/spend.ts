import "server-only";
import { count, gte, sql } from "drizzle-orm";
import type { Database } from "../client";
import { jobs } from "../schema";

export interface SpendSince {
  usd: number;
  /** Jobs without any price, counted as $0. */
  unpricedJobs: number;
}

/**
 * What the jobs created since `since` cost or will cost: the provider's reported cost where known,
 * else the estimate. Failures the provider certainly did not bill carry cost 0 (lib/jobs/runner/job-transitions.ts).
 */
export async function spendSince(db: Database, since: Date): Promise<SpendSince> {
  const [row] = await db
    .select({
      usd: sql<string | null>`sum(coalesce(${jobs.costUsd}, ${jobs.estimatedCostUsd}, 0))`,
      unpricedJobs: count(
        sql`case when ${jobs.costUsd} is null and ${jobs.estimatedCostUsd} is null then 1 end`,
      ),
    })
    .from(jobs)
    .where(gte(jobs.createdAt, since));
  return { usd: Number(row?.usd ?? 0), unpricedJobs: row?.unpricedJobs ?? 0 };
}
