import "server-only";
import { and, asc, desc, eq, inArray, max, sql } from "drizzle-orm";
import type { Database } from "../client";
import { jobs, runs, type JobRow, type NewJobRow, type RunRow } from "../schema";
import { insertLedgerEntries } from "./spend";

/** Jobs in the order of the matrix: row, column, then take. */
export const CELL_ORDER = [asc(jobs.promptIndex), asc(jobs.configIndex), asc(jobs.take)];

/** What the rule of the take that counts (lib/models/takes.ts) reads of a job. */
export const TAKE_COLUMNS = {
  jobId: jobs.id,
  promptIndex: jobs.promptIndex,
  configIndex: jobs.configIndex,
  take: jobs.take,
  status: jobs.status,
  chosenAt: jobs.chosenAt,
};

/** What a new take of a cell is made from. */
export interface TakeSource {
  /** The job the take was asked for (any take of the cell). */
  job: JobRow;
  run: RunRow;
  /** The cell's highest take so far plus one. */
  take: number;
  /** After every job of the run: positions record the order jobs were created in. */
  position: number;
  /** The cell's newest take that is still queued or running, read under the run's lock. */
  unfinished: JobRow | undefined;
}

/** What a take's builder decides: the row to insert, or an existing job that already answers the request. */
export type TakeDecision = NewJobRow | { existingJobId: string };

/**
 * Adds a job to the cell of `jobId` and reserves its estimate, atomically. The run's row is locked
 * first, so takes asked for at once are decided one after another, each seeing the ones before it
 * (numbers, and whether one is still unfinished). `build` makes the row (and may throw to refuse,
 * e.g. the daily budget, which it checks with the transaction it is given), or names an existing
 * job instead. Null when there is no such job.
 */
export async function insertNextTake(
  db: Database,
  jobId: string,
  build: (source: TakeSource, transaction: Database) => Promise<TakeDecision>,
): Promise<JobRow | { existingJobId: string } | null> {
  return db.transaction(async (transaction) => {
    const [job] = await transaction.select().from(jobs).where(eq(jobs.id, jobId));
    if (!job) return null;
    const [run] = await transaction.select().from(runs).where(eq(runs.id, job.runId)).for("update");
    if (!run) return null;
    const inCell = and(
      eq(jobs.runId, run.id),
      eq(jobs.promptIndex, job.promptIndex),
      eq(jobs.configIndex, job.configIndex),
    );
    const [cell] = await transaction
      .select({ take: max(jobs.take) })
      .from(jobs)
      .where(inCell);
    const [unfinished] = await transaction
      .select()
      .from(jobs)
      .where(and(inCell, inArray(jobs.status, ["queued", "running"])))
      .orderBy(desc(jobs.take))
      .limit(1);
    const [last] = await transaction
      .select({ position: max(jobs.position) })
      .from(jobs)
      .where(eq(jobs.runId, run.id));
    const row = await build(
      { job, run, take: (cell?.take ?? job.take) + 1, position: (last?.position ?? 0) + 1, unfinished },
      transaction,
    );
    if ("existingJobId" in row) return row;
    const [inserted] = await transaction.insert(jobs).values(row).returning();
    await insertLedgerEntries(transaction, [row]);
    return inserted ?? null;
  });
}

/** What a canceled job says, depending on whether its create request had gone out. */
export interface CancelNotes {
  notSent: { code: string; message: string };
  sent: { code: string; message: string };
}

/**
 * Cancels a queued or running job in one statement, so it cannot interleave with a runner's write:
 * the runner only writes to a job that is not canceled and whose lease it holds, and this drops the
 * lease. A job whose create request never left certainly cost nothing. Null when the job is
 * unknown or already finished.
 */
export async function cancelUnfinishedJob(
  db: Database,
  jobId: string,
  now: Date,
  notes: CancelNotes,
): Promise<JobRow | null> {
  const sent = sql`${jobs.submittedAt} is not null`;
  const [row] = await db
    .update(jobs)
    .set({
      status: "canceled",
      errorCode: sql`case when ${sent} then ${notes.sent.code}::text else ${notes.notSent.code}::text end`,
      errorMessage: sql`case when ${sent} then ${notes.sent.message}::text else ${notes.notSent.message}::text end`,
      costUsd: sql`case when ${sent} then ${jobs.costUsd} else 0 end`,
      retryNote: null,
      leaseOwner: null,
      leaseUntil: null,
      finishedAt: now,
      updatedAt: now,
    })
    .where(and(eq(jobs.id, jobId), inArray(jobs.status, ["queued", "running"])))
    .returning();
  return row ?? null;
}

/**
 * Makes a succeeded job the take that counts for its cell: the latest choice wins, so one row
 * changes and the others keep their history. Null when the job is unknown or has not succeeded.
 */
export async function markChosenTake(db: Database, jobId: string, now: Date): Promise<JobRow | null> {
  const [row] = await db
    .update(jobs)
    .set({ chosenAt: now, updatedAt: now })
    .where(and(eq(jobs.id, jobId), eq(jobs.status, "succeeded")))
    .returning();
  return row ?? null;
}
