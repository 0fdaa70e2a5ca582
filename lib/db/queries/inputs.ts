import "server-only";
import { and, asc, eq, inArray, lt, notExists } from "drizzle-orm";
import type { Database } from "../client";
import { inputs, runInputs, type InputRow, type NewInputRow } from "../input-schema";
import { settleBlobWrites } from "./blobs";

/**
 * Records an input whose blobs are already stored, or finds the one with the same bytes: one input
 * per distinct image, even when two uploads of it race.
 */
export async function insertOrFindInput(db: Database, input: NewInputRow): Promise<InputRow> {
  const [inserted] = await db
    .insert(inputs)
    .values(input)
    .onConflictDoNothing({ target: inputs.sha256 })
    .returning();
  // The input (this one or the one found) now refers to the bytes: their writes are over.
  await settleBlobWrites(db, [input.blobKey, input.thumbnailKey]);
  if (inserted) return inserted;
  const [existing] = await db.select().from(inputs).where(eq(inputs.sha256, input.sha256));
  if (!existing) throw new Error("input vanished between insert and select");
  return existing;
}

/** The inputs with these ids, in the order of `ids`; unknown ids are left out. */
export async function getInputsByIds(db: Database, ids: readonly string[]): Promise<InputRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(inputs)
    .where(inArray(inputs.id, [...ids]));
  return ids.flatMap((id) => rows.filter((row) => row.id === id).slice(0, 1));
}

export async function getInputById(db: Database, id: string): Promise<InputRow | null> {
  const [row] = await db.select().from(inputs).where(eq(inputs.id, id));
  return row ?? null;
}

/** A run's inputs in order. */
export async function listRunInputs(db: Database, runId: string): Promise<InputRow[]> {
  const rows = await db
    .select({ input: inputs })
    .from(runInputs)
    .innerJoin(inputs, eq(inputs.id, runInputs.inputId))
    .where(eq(runInputs.runId, runId))
    .orderBy(asc(runInputs.position));
  return rows.map((row) => row.input);
}

/** The inputs of these runs, each run's in order (a shared gallery's runs). */
export async function listInputsOfRuns(
  db: Database,
  runIds: readonly string[],
): Promise<{ runId: string; input: InputRow }[]> {
  if (runIds.length === 0) return [];
  return db
    .select({ runId: runInputs.runId, input: inputs })
    .from(runInputs)
    .innerJoin(inputs, eq(inputs.id, runInputs.inputId))
    .where(inArray(runInputs.runId, [...runIds]))
    .orderBy(asc(runInputs.runId), asc(runInputs.position));
}

/** Links a run to its inputs, in order (inside the transaction that creates the run). */
export async function linkRunInputs(db: Database, runId: string, inputIds: readonly string[]): Promise<void> {
  if (inputIds.length === 0) return;
  await db.insert(runInputs).values(inputIds.map((inputId, position) => ({ runId, inputId, position })));
}

const unusedByAnyRun = (db: Database) =>
  notExists(db.select({ one: runInputs.position }).from(runInputs).where(eq(runInputs.inputId, inputs.id)));

/**
 * Deletes the inputs no run uses that were made before `cutoff` (uploaded, then never run), and
 * returns them: their blobs are then the orphan sweep's to remove.
 */
export async function deleteAbandonedInputs(db: Database, cutoff: Date): Promise<InputRow[]> {
  return db
    .delete(inputs)
    .where(and(lt(inputs.createdAt, cutoff), unusedByAnyRun(db)))
    .returning();
}

/**
 * Of these inputs, deletes the ones no run uses any more and returns them (their blobs are then
 * candidates for removal). An input no run ever used stays: it may be about to be.
 */
export async function deleteUnusedInputs(db: Database, ids: readonly string[]): Promise<InputRow[]> {
  if (ids.length === 0) return [];
  return db
    .delete(inputs)
    .where(and(inArray(inputs.id, [...ids]), unusedByAnyRun(db)))
    .returning();
}
