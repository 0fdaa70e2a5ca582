import "server-only";
import { and, count, eq, gt, inArray, isNotNull, lt, ne, or, sql } from "drizzle-orm";
import type { ProviderId } from "@/lib/models/types";
import type { Database } from "../client";
import { instances, type InstanceFingerprint, type InstanceRow } from "../instance-schema";
import { jobs } from "../schema";

/** Records (or refreshes) an instance's fingerprint, seen now by the database's clock. */
export async function recordInstance(
  db: Database,
  id: string,
  fingerprint: InstanceFingerprint,
): Promise<void> {
  await db
    .insert(instances)
    .values({ id, fingerprint })
    .onConflictDoUpdate({ target: instances.id, set: { fingerprint, seenAt: sql`now()` } });
}

/** The other instances seen within the last `seconds` (database clock). */
export async function otherLiveInstances(db: Database, id: string, seconds: number): Promise<InstanceRow[]> {
  return db
    .select()
    .from(instances)
    .where(
      and(
        ne(instances.id, id),
        gt(instances.seenAt, sql`now() - ${seconds}::double precision * interval '1 second'`),
      ),
    );
}

/** Removes the rows of instances not seen for `seconds`: processes long gone. */
export async function forgetInstancesUnseenFor(db: Database, seconds: number): Promise<void> {
  await db
    .delete(instances)
    .where(lt(instances.seenAt, sql`now() - ${seconds}::double precision * interval '1 second'`));
}

/**
 * Unfinished jobs accepted for a provider endpoint other than `endpoints` says (or for a provider
 * without one there): what an instance with these endpoints leaves to others.
 */
export async function countJobsForOtherEndpoints(
  db: Database,
  endpoints: Record<ProviderId, string | null>,
): Promise<number> {
  const mismatched = Object.entries(endpoints).map(([providerId, endpoint]) =>
    and(
      eq(jobs.providerId, providerId as ProviderId),
      endpoint === null ? undefined : ne(jobs.providerEndpoint, endpoint),
    ),
  );
  const [row] = await db
    .select({ count: count() })
    .from(jobs)
    .where(
      and(inArray(jobs.status, ["queued", "running"]), isNotNull(jobs.providerEndpoint), or(...mismatched)),
    );
  return row?.count ?? 0;
}

/** Migrations applied to the database (by this build or any other, newer or older). */
export async function appliedMigrationCount(db: Database): Promise<number> {
  const result = await db.execute<{ count: number }>(
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  // Both drivers answer { rows }.
  return Number((result as unknown as { rows: { count: number }[] }).rows[0]?.count ?? 0);
}
