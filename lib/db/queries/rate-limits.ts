import "server-only";
import { lt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { rateLimits } from "../schema";

export interface TakenToken {
  allowed: boolean;
  /** Tokens left in the bucket after this take. */
  tokens: number;
}

/**
 * Takes one token from the bucket `key` (capacity `perMinute`, refilled evenly over a minute) in
 * one statement: the row lock of the upsert serialises concurrent takes from every instance.
 * `at` defaults to the database clock, so instances with skewed clocks still share one bucket.
 */
export async function takeRateLimitToken(
  db: Database,
  key: string,
  perMinute: number,
  at?: Date,
): Promise<TakenToken> {
  const time: SQL = at ? sql`${at.toISOString()}::timestamptz` : sql`now()`;
  const capacity = sql`${perMinute}::float8`;
  const refilled = sql`least(${capacity}, ${rateLimits.tokens} + greatest(0, extract(epoch from (${time} - ${rateLimits.updatedAt}))) * ${capacity} / 60)`;
  // A bucket untouched for a minute is full again, which is exactly what a missing row means.
  await db.delete(rateLimits).where(lt(rateLimits.updatedAt, sql`${time} - interval '1 minute'`));
  const [row] = await db
    .insert(rateLimits)
    .values({
      key,
      tokens: sql`case when ${capacity} >= 1 then ${capacity} - 1 else ${capacity} end`,
      allowed: sql`${capacity} >= 1`,
      updatedAt: time,
    })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        tokens: sql`case when ${refilled} >= 1 then ${refilled} - 1 else ${refilled} end`,
        allowed: sql`${refilled} >= 1`,
        updatedAt: sql`greatest(${rateLimits.updatedAt}, ${time})`,
      },
    })
    .returning({ allowed: rateLimits.allowed, tokens: rateLimits.tokens });
  if (!row) throw new Error("Rate limit upsert returned no row");
  return row;
}
