import "server-only";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Database } from "../client";
import { images, jobs, runs, type ImageRow, type StoredRunConfig } from "../schema";
import { withoutNestedLoops } from "./planner";
import { matchesEveryWord } from "./prompt-search";

/** Where an image stands on the picks board: ordered ones first by position, then the rest newest first. */
export interface PickCursor {
  /** The position, or UNORDERED_RANK for an image not ordered yet. */
  rank: number;
  createdAt: string;
  id: string;
}

/** Sorts after every position a board can have (positions count from 1). */
export const UNORDERED_RANK = 2_147_483_647;

export interface ListPicksOptions {
  /** Words that must each appear, case-insensitively, in the image's prompt. */
  q?: string;
  modelId?: string;
  /** Images stored at or after this instant. */
  since?: Date;
  cursor?: PickCursor;
  limit: number;
}

export interface PickRow {
  image: ImageRow;
  prompt: string;
  modelId: string;
  configIndex: number;
  take: number;
  config: StoredRunConfig | undefined;
}

/** Starred or not, an image with its prompt, model and cell, and its run's configurations. */
const selectPicks = (db: Database) =>
  db
    .select({
      image: images,
      prompt: jobs.prompt,
      modelId: jobs.modelId,
      configIndex: jobs.configIndex,
      take: jobs.take,
      configs: runs.configs,
    })
    .from(images)
    .innerJoin(jobs, eq(jobs.id, images.jobId))
    .innerJoin(runs, eq(runs.id, images.runId));

const toPickRow = ({
  configs,
  ...row
}: Omit<PickRow, "config"> & { configs: StoredRunConfig[] }): PickRow => ({
  ...row,
  config: configs[row.configIndex],
});

const rank = sql<number>`coalesce(${images.pickPosition}, ${UNORDERED_RANK})`;

/**
 * Starred images across every run, in board order, with keyset paging on (rank, created_at desc, id
 * desc). Every starred image is sorted, so hash joins are the plan: without statistics, a prompt
 * search expected one job and looked up the starred images once per matching job (seconds on
 * 10,000 runs).
 */
export async function listPickRows(
  db: Database,
  options: ListPicksOptions,
): Promise<{ rows: PickRow[]; hasMore: boolean }> {
  const { cursor } = options;
  const page = await withoutNestedLoops(db, (transaction) =>
    selectPicks(transaction)
      .where(
        and(
          eq(images.starred, true),
          ...matchesEveryWord(jobs.prompt, options.q),
          options.modelId ? eq(jobs.modelId, options.modelId) : undefined,
          options.since ? gte(images.createdAt, options.since) : undefined,
          cursor
            ? sql`(${rank} > ${cursor.rank} or (${rank} = ${cursor.rank} and (${images.createdAt}, ${images.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id})))`
            : undefined,
        ),
      )
      .orderBy(rank, sql`${images.createdAt} desc`, sql`${images.id} desc`)
      .limit(options.limit + 1),
  );
  const rows = page.slice(0, options.limit).map(toPickRow);
  return { rows, hasMore: page.length > options.limit };
}

/** The starred images among these ids, with what a pick shows; in the order asked, unknown ids left out. */
export async function listPickRowsByIds(db: Database, imageIds: string[]): Promise<PickRow[]> {
  if (imageIds.length === 0) return [];
  const found = await selectPicks(db).where(and(eq(images.starred, true), inArray(images.id, imageIds)));
  const byId = new Map(found.map((row) => [row.image.id, toPickRow(row)]));
  return imageIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Moves these starred images into the given order among the places they hold on the board, so
 * reordering a filtered view leaves the images it does not show where they were. Every starred
 * image gets a position first (the board's current order), in one transaction. Returns the ids
 * that are not starred images (nothing changes then).
 */
export async function reorderPicks(db: Database, imageIds: string[]): Promise<string[]> {
  return db.transaction(async (transaction) => {
    // Locks the board: two reorders at once are applied one after the other.
    const board = await transaction
      .select({ id: images.id })
      .from(images)
      .where(eq(images.starred, true))
      .orderBy(rank, sql`${images.createdAt} desc`, sql`${images.id} desc`)
      .for("update");
    const known = new Set(board.map((row) => row.id));
    const unknown = imageIds.filter((id) => !known.has(id));
    if (unknown.length > 0) return unknown;
    const moved = new Set(imageIds);
    const queue = [...imageIds];
    const order = board.map((row) => (moved.has(row.id) ? queue.shift()! : row.id));
    await transaction.execute(sql`
      update ${images} set pick_position = ordered.position
      from (values ${sql.join(
        order.map((id, index) => sql`(${id}, ${index + 1}::integer)`),
        sql`, `,
      )}) as ordered(id, position)
      where ${images.id} = ordered.id and ${images.pickPosition} is distinct from ordered.position`);
    return [];
  });
}
