import "server-only";
import { and, asc, desc, eq, exists, inArray, sql } from "drizzle-orm";
import type { JobStatus } from "@/lib/models/job-status";
import type { Database } from "../client";
import { matchesEveryWord } from "./prompt-search";
import { images, jobs, runs, type ImageRow, type JobRow, type NewJobRow, type RunRow } from "../schema";
import { runInputs, type InputRow } from "../input-schema";
import { CELL_ORDER } from "./cells";
import { recordIdempotencyKey, type IdempotencyClaim } from "./idempotency-keys";
import { unreferencedBlobKeys } from "./images";
import { deleteUnusedInputs, listRunInputs } from "./inputs";
import { archiveRunSpend, insertLedgerEntries } from "./spend";

/** A run and the id, model and status of each of its jobs, in submission order. */
export interface CreatedRun {
  id: string;
  jobs: { id: string; modelId: string; status: JobStatus }[];
}

/**
 * Inserts a run and its jobs, and reserves their estimates in the spend ledger, atomically.
 * Returns null when another request already holds the same idempotency key (the primary key makes
 * a concurrent duplicate wait, then skip). `admit` runs inside the transaction once the key is
 * ours, before the jobs are inserted; it throws to refuse (and roll back) the run.
 */
export async function insertRunWithJobs(
  db: Database,
  run: typeof runs.$inferInsert,
  jobRows: NewJobRow[],
  admit?: (transaction: Database) => Promise<void>,
  idempotency?: IdempotencyClaim,
): Promise<CreatedRun | null> {
  return db.transaction(async (transaction) => {
    if (
      idempotency &&
      !(await recordIdempotencyKey(transaction, idempotency, run.id, run.createdAt ?? new Date()))
    ) {
      return null;
    }
    const [inserted] = await transaction
      .insert(runs)
      .values(run)
      .onConflictDoNothing()
      .returning({ id: runs.id });
    if (!inserted) return null;
    await admit?.(transaction);
    const createdJobs = await transaction
      .insert(jobs)
      .values(jobRows)
      .returning({ id: jobs.id, modelId: jobs.modelId, status: jobs.status });
    await insertLedgerEntries(transaction, jobRows);
    return { id: inserted.id, jobs: createdJobs };
  });
}

/** A run as its creation answered it: the id and its jobs in submission order. */
export async function findCreatedRun(db: Database, runId: string): Promise<CreatedRun> {
  const runJobs = await db
    .select({ id: jobs.id, modelId: jobs.modelId, status: jobs.status })
    .from(jobs)
    .where(eq(jobs.runId, runId))
    .orderBy(asc(jobs.position));
  return { id: runId, jobs: runJobs };
}

export interface RunRows {
  run: RunRow;
  /** In matrix order: row, column, take. */
  jobs: JobRow[];
  /** In index order. */
  images: ImageRow[];
  /** The run's inputs in order; absent where a reader needs none. */
  inputs?: InputRow[];
  /** The run it was edited from, while it exists; absent where a reader needs none. */
  editedFrom?: EditedFromRow;
}

/** What "what changed" compares of the run a run was edited from. */
export type EditedFromRow = Pick<RunRow, "id" | "prompts" | "promptText" | "configs" | "seed">;

const EDITED_FROM_COLUMNS = {
  id: runs.id,
  prompts: runs.prompts,
  promptText: runs.promptText,
  configs: runs.configs,
  seed: runs.seed,
};

/** The runs these were edited from, those that still exist. */
async function editedFromRows(db: Database, sources: readonly RunRow[]): Promise<EditedFromRow[]> {
  const ids = [...new Set(sources.flatMap((run) => (run.editedFromRunId ? [run.editedFromRunId] : [])))];
  if (ids.length === 0) return [];
  return db.select(EDITED_FROM_COLUMNS).from(runs).where(inArray(runs.id, ids));
}

/**
 * A run with its jobs and stored images. The run's row is read first, so what follows is at least as
 * new as its version: a body may run ahead of its ETag (one needless answer later), never behind.
 */
export async function getRunRows(db: Database, id: string): Promise<RunRows | null> {
  const [run] = await db.select().from(runs).where(eq(runs.id, id));
  if (!run) return null;
  const [runJobs, runImages, [editedFrom]] = await Promise.all([
    db
      .select()
      .from(jobs)
      .where(eq(jobs.runId, id))
      .orderBy(...CELL_ORDER),
    db.select().from(images).where(eq(images.runId, id)).orderBy(asc(images.index)),
    editedFromRows(db, [run]),
  ]);
  return {
    run,
    jobs: runJobs,
    images: runImages,
    inputs: await listRunInputs(db, id),
    ...(editedFrom ? { editedFrom } : {}),
  };
}

/**
 * The run's version (its ETag), one primary-key lookup: database triggers move it with every change
 * a reader sees (runs.version in ../schema.ts). Null when the run does not exist.
 */
export async function getRunVersion(db: Database, id: string): Promise<number | null> {
  const [run] = await db.select({ version: runs.version }).from(runs).where(eq(runs.id, id));
  return run ? run.version : null;
}

export interface ListRunsOptions {
  /** The last run of the previous page, decoded by the list-query schema. */
  cursor?: { createdAt: string; id: string };
  limit: number;
  /** Words that must each appear, case-insensitively, in any of the run's prompts. */
  q?: string;
  modelId?: string;
  /** Runs with at least one job in this status. */
  status?: JobStatus;
  /** Runs with at least one starred image. */
  starred?: boolean;
}

export interface RunListRows {
  runs: RunRow[];
  /** Cell, take, model, status and choice of each job of these runs, in submission order. */
  jobs: Pick<JobRow, "runId" | "modelId" | "status" | "promptIndex" | "configIndex" | "take" | "chosenAt">[];
  /** Their stored images, oldest first. */
  images: ImageRow[];
  /** The runs they were edited from, those that still exist. */
  editedFrom: EditedFromRow[];
  /** Whether more runs follow the last one. */
  hasMore: boolean;
}

/** History, newest first, with keyset pagination on (created_at, id). */
export async function listRunRows(db: Database, options: ListRunsOptions): Promise<RunListRows> {
  const { cursor } = options;
  const jobMatches = (condition: ReturnType<typeof eq>) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(jobs)
        .where(and(eq(jobs.runId, runs.id), condition)),
    );
  const page = await db
    .select()
    .from(runs)
    .where(
      and(
        cursor
          ? sql`(${runs.createdAt}, ${runs.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})`
          : undefined,
        ...matchesEveryWord(
          sql`(select string_agg(value, ' ') from jsonb_array_elements_text(${runs.prompts}))`,
          options.q,
        ),
        options.modelId ? jobMatches(eq(jobs.modelId, options.modelId)) : undefined,
        options.status ? jobMatches(eq(jobs.status, options.status)) : undefined,
        options.starred
          ? exists(
              db
                .select({ one: sql`1` })
                .from(images)
                .where(and(eq(images.runId, runs.id), eq(images.starred, true))),
            )
          : undefined,
      ),
    )
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(options.limit + 1);
  const pageRuns = page.slice(0, options.limit);
  const runIds = pageRuns.map((run) => run.id);
  const [pageJobs, pageImages, editedFrom] =
    runIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          db
            .select({
              runId: jobs.runId,
              modelId: jobs.modelId,
              status: jobs.status,
              promptIndex: jobs.promptIndex,
              configIndex: jobs.configIndex,
              take: jobs.take,
              chosenAt: jobs.chosenAt,
            })
            .from(jobs)
            .where(inArray(jobs.runId, runIds))
            .orderBy(asc(jobs.position)),
          db
            .select()
            .from(images)
            .where(inArray(images.runId, runIds))
            .orderBy(asc(images.createdAt), asc(images.index)),
          editedFromRows(db, pageRuns),
        ]);
  return {
    runs: pageRuns,
    jobs: pageJobs,
    images: pageImages,
    editedFrom,
    hasMore: page.length > options.limit,
  };
}

/**
 * Deletes a run with its jobs, images and the inputs no other run uses; returns the blob keys no
 * image or input uses any more, for the caller to remove. What the jobs cost stays in the ledger.
 */
export async function deleteRun(
  db: Database,
  id: string,
): Promise<{ deleted: boolean; orphanedBlobKeys: string[] }> {
  return db.transaction(async (transaction) => {
    const runImages = await transaction
      .select({ blobKey: images.blobKey, thumbnailKey: images.thumbnailKey })
      .from(images)
      .where(eq(images.runId, id));
    const usedInputs = await transaction
      .select({ inputId: runInputs.inputId })
      .from(runInputs)
      .where(eq(runInputs.runId, id));
    await archiveRunSpend(transaction, id);
    const deleted = await transaction.delete(runs).where(eq(runs.id, id)).returning({ id: runs.id });
    if (deleted.length === 0) return { deleted: false, orphanedBlobKeys: [] };
    const unusedInputs = await deleteUnusedInputs(
      transaction,
      usedInputs.map((row) => row.inputId),
    );
    const keys = [...runImages, ...unusedInputs].flatMap((image) => [image.blobKey, image.thumbnailKey]);
    return { deleted: true, orphanedBlobKeys: await unreferencedBlobKeys(transaction, keys) };
  });
}
