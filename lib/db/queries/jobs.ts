import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { ProviderId } from "@/lib/models/types";
import type { Database } from "../client";
import { jobs, type JobRow, type NewJobRow } from "../schema";

export interface ClaimOptions {
  owner: string;
  /** Jobs due at or before this time are taken. */
  now: Date;
  leaseMs: number;
  limit: number;
  /** Only this provider's jobs (the runner's per-provider slots). */
  providerId?: ProviderId;
  /**
   * Only jobs accepted for this provider endpoint (jobs.provider_endpoint), or by an older build that
   * recorded none. Undefined: any job (a database only this process uses).
   */
  endpoint?: string;
}

/**
 * Lease times come from the database's clock, never an app server's: instances whose clocks
 * disagree still agree on whether a lease has expired. Due times and deadlines are written and
 * compared on the database clock too, as each instance reads it (../clock.ts).
 */
const leaseEnd = (leaseMs: number) =>
  sql<Date>`now() + ${leaseMs}::double precision * interval '1 millisecond'`;

/**
 * Leases up to `limit` due, unfinished jobs to `owner`. The inner SELECT … FOR UPDATE SKIP LOCKED
 * makes concurrent claimers (other app instances on one PostgreSQL) pass over rows another is
 * taking, and the lease then keeps them away until it is released or expires.
 */
export async function claimDueJobs(
  db: Database,
  { owner, now, leaseMs, limit, providerId, endpoint }: ClaimOptions,
): Promise<JobRow[]> {
  if (limit <= 0) return [];
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      and(
        inArray(jobs.status, ["queued", "running"]),
        lte(jobs.nextAttemptAt, now),
        or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, sql`now()`)),
        providerId ? eq(jobs.providerId, providerId) : undefined,
        endpoint === undefined
          ? undefined
          : or(isNull(jobs.providerEndpoint), eq(jobs.providerEndpoint, endpoint)),
      ),
    )
    .orderBy(asc(jobs.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobs)
    .set({ leaseOwner: owner, leaseUntil: leaseEnd(leaseMs) })
    .where(inArray(jobs.id, due))
    .returning();
}

/**
 * Writes to a job only while `owner` still holds its lease and nobody canceled it, so a runner that
 * lost its lease (a long pause, another instance took over) or whose job was canceled meanwhile (a
 * poll or download in flight) cannot overwrite newer state. Both are checked by the UPDATE itself,
 * atomically with the cancel's. Returns the row, or null.
 */
export async function updateLeasedJob(
  db: Database,
  jobId: string,
  owner: string,
  changes: Partial<NewJobRow>,
): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set(changes)
    .where(and(eq(jobs.id, jobId), eq(jobs.leaseOwner, owner), ne(jobs.status, "canceled")))
    .returning();
  return row ?? null;
}

export async function renewLeases(
  db: Database,
  owner: string,
  jobIds: string[],
  leaseMs: number,
): Promise<void> {
  if (jobIds.length === 0) return;
  await db
    .update(jobs)
    .set({ leaseUntil: leaseEnd(leaseMs) })
    .where(and(eq(jobs.leaseOwner, owner), inArray(jobs.id, jobIds)));
}

/**
 * For a runner shutting down: frees every job it holds, so another instance takes it at once,
 * except a job whose create request is out (marked submitted, no answer recorded). That one is
 * left to expire and then to the outcome-unknown rule, because sending it again could pay twice.
 * Returns how many were released.
 */
export async function releaseLeasesOf(db: Database, owner: string): Promise<number> {
  const released = await db
    .update(jobs)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(
      and(
        eq(jobs.leaseOwner, owner),
        or(isNull(jobs.submittedAt), isNotNull(jobs.providerJobId), isNotNull(jobs.providerOutputs)),
      ),
    )
    .returning({ id: jobs.id });
  return released.length;
}

/** For an exclusive database at boot: every lease there belongs to a process that is gone. */
export async function releaseAllLeases(db: Database): Promise<void> {
  await db.update(jobs).set({ leaseOwner: null, leaseUntil: null }).where(isNotNull(jobs.leaseOwner));
}

export async function getJob(db: Database, jobId: string): Promise<JobRow | null> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  return row ?? null;
}

/**
 * The earliest time any unfinished job is due, or null when there is none. With `claimableAfter`,
 * only jobs nobody holds a lease on that fell due after that time.
 */
export async function nextDueTime(
  db: Database,
  { claimableAfter }: { claimableAfter?: Date } = {},
): Promise<Date | null> {
  const [row] = await db
    .select({ nextAttemptAt: jobs.nextAttemptAt })
    .from(jobs)
    .where(
      and(
        inArray(jobs.status, ["queued", "running"]),
        claimableAfter
          ? and(
              gt(jobs.nextAttemptAt, claimableAfter),
              or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, sql`now()`)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(jobs.nextAttemptAt))
    .limit(1);
  return row?.nextAttemptAt ?? null;
}

/**
 * A provider callback's only effect: a job waiting for its next poll becomes due at `now`. Jobs in
 * error backoff (attempts > 0) keep their schedule, so a callback never cuts a Retry-After short.
 * Returns false when no job has this token.
 */
export async function pollJobNow(db: Database, callbackToken: string, now: Date): Promise<boolean> {
  const [job] = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.callbackToken, callbackToken));
  if (!job) return false;
  await db
    .update(jobs)
    .set({ nextAttemptAt: now })
    .where(
      and(
        eq(jobs.id, job.id),
        inArray(jobs.status, ["queued", "running"]),
        isNotNull(jobs.providerJobId),
        isNull(jobs.providerOutputs),
        eq(jobs.attempts, 0),
        gt(jobs.nextAttemptAt, now),
      ),
    );
  return true;
}

/**
 * The provider answered again (a good answer to any of its jobs): its jobs waiting out a failed
 * poll become due at `now`, so their "retrying (4 of 10)" notes clear on their own next answer
 * instead of after the rest of their backoff. Polls are free and change nothing at the provider;
 * a submit waiting out a refusal keeps its schedule. Returns how many jobs were moved.
 */
export async function pollRetriesNow(
  db: Database,
  { providerId, endpoint, now }: { providerId: ProviderId; endpoint: string | null; now: Date },
): Promise<number> {
  const moved = await db
    .update(jobs)
    .set({ nextAttemptAt: now })
    .where(
      and(
        eq(jobs.providerId, providerId),
        endpoint === null
          ? undefined
          : or(isNull(jobs.providerEndpoint), eq(jobs.providerEndpoint, endpoint)),
        inArray(jobs.status, ["queued", "running"]),
        isNotNull(jobs.retryNote),
        isNotNull(jobs.providerJobId),
        isNull(jobs.providerOutputs),
        gt(jobs.nextAttemptAt, now),
        or(isNull(jobs.leaseUntil), lt(jobs.leaseUntil, sql`now()`)),
      ),
    )
    .returning({ id: jobs.id });
  return moved.length;
}
