import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { idempotencyKeys } from "../schema";

/** A request's Idempotency-Key, whose it is, and what the request asked for. */
export interface IdempotencyClaim {
  scope: string;
  route: string;
  key: string;
  request: Record<string, unknown>;
}

const claimed = (claim: IdempotencyClaim) =>
  and(
    eq(idempotencyKeys.scope, claim.scope),
    eq(idempotencyKeys.route, claim.route),
    eq(idempotencyKeys.key, claim.key),
  );

export async function findIdempotencyKey(
  db: Database,
  claim: IdempotencyClaim,
): Promise<typeof idempotencyKeys.$inferSelect | undefined> {
  const [row] = await db.select().from(idempotencyKeys).where(claimed(claim));
  return row;
}

/**
 * Records the key for what the request created, in the caller's transaction. False when another
 * request holds it: the primary key makes a concurrent one wait for the first to commit, then skip.
 */
export async function recordIdempotencyKey(
  db: Database,
  claim: IdempotencyClaim,
  resourceId: string,
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ ...claim, resourceId, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return inserted.length > 0;
}
