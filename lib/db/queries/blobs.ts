import "server-only";
import { and, eq, gt, inArray, lt, notExists, or, sql } from "drizzle-orm";
import type { Database } from "../client";
import { blobs, images, runs, upkeepLeases } from "../schema";
import { inputs } from "../input-schema";
import { contactSheets } from "../sheet-schema";
import { reviewRenditions } from "../review-schema";

/** Records that `key` is being written now, before its bytes go to the store. */
export async function recordBlobWrite(db: Database, key: string, now: Date): Promise<void> {
  await db
    .insert(blobs)
    .values({ key, writtenAt: now, pending: 1 })
    .onConflictDoUpdate({
      target: blobs.key,
      set: {
        writtenAt: sql`greatest(${blobs.writtenAt}, excluded.written_at)`,
        pending: sql`${blobs.pending} + 1`,
      },
    });
}

/**
 * Records blobs found in the store that the ledger does not know (written before it existed, or by
 * a process that bypassed it), as last written when their bytes were; known ones are left as they
 * are. From then on the sweep treats them like any other blob. Returns how many were new.
 */
export async function adoptBlobs(db: Database, found: { key: string; modifiedAt: Date }[]): Promise<number> {
  if (found.length === 0) return 0;
  const adopted = await db
    .insert(blobs)
    .values(found.map(({ key, modifiedAt }) => ({ key, writtenAt: modifiedAt })))
    .onConflictDoNothing()
    .returning({ key: blobs.key });
  return adopted.length;
}

/** The writes of these blobs are over: the row that refers to them is written (or never will be). */
export async function settleBlobWrites(db: Database, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .update(blobs)
    .set({ pending: sql`${blobs.pending} - 1` })
    .where(and(inArray(blobs.key, [...new Set(keys)]), gt(blobs.pending, 0)));
}

/** No image, input or blind review's rendition refers to the blob, as original or thumbnail, and no run's contact sheet is it. */
const unreferenced = and(
  notExists(
    sql`(select 1 from ${images} where ${images.blobKey} = ${blobs.key} or ${images.thumbnailKey} = ${blobs.key})`,
  ),
  notExists(
    sql`(select 1 from ${inputs} where ${inputs.blobKey} = ${blobs.key} or ${inputs.thumbnailKey} = ${blobs.key})`,
  ),
  notExists(sql`(select 1 from ${contactSheets} where ${contactSheets.blobKey} = ${blobs.key})`),
  notExists(
    sql`(select 1 from ${reviewRenditions} where ${reviewRenditions.blobKey} = ${blobs.key} or ${reviewRenditions.thumbnailKey} = ${blobs.key})`,
  ),
);

/** Up to `limit` blobs no image or input refers to, last written before `cutoff`. */
export async function orphanBlobKeys(db: Database, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ key: blobs.key })
    .from(blobs)
    .where(and(lt(blobs.writtenAt, cutoff), unreferenced))
    .orderBy(blobs.writtenAt)
    .limit(limit);
  return rows.map((row) => row.key);
}

/**
 * Removes `key` from the ledger if nothing refers to it and no write of it is pending unless
 * begun before `cutoff` (a writer that never settled), then runs `removeBytes` while the row is still locked; true when it did. A writer recording the
 * key meanwhile waits for this transaction, then writes the bytes anew. A key the ledger never had
 * (written before it) gets a row first, so it is locked the same way.
 */
export async function removeBlobIfUnused(
  db: Database,
  key: string,
  cutoff: Date,
  removeBytes: () => Promise<void>,
): Promise<boolean> {
  return db.transaction(async (transaction) => {
    await transaction
      .insert(blobs)
      .values({ key, writtenAt: new Date(0) })
      .onConflictDoNothing();
    const removed = await transaction
      .delete(blobs)
      .where(and(eq(blobs.key, key), or(eq(blobs.pending, 0), lt(blobs.writtenAt, cutoff)), unreferenced))
      .returning({ key: blobs.key });
    if (removed.length === 0) return false;
    // Inside the transaction: the bytes go before any writer may record the key again.
    await removeBytes();
    return true;
  });
}

/**
 * Takes the lease `name` for `holder` until `until` if no other holder's lease is still running;
 * true when taken. Every instance asks, one at a time does the work.
 */
export async function takeUpkeepLease(
  db: Database,
  lease: { name: string; holder: string; now: Date; until: Date },
): Promise<boolean> {
  const taken = await db
    .insert(upkeepLeases)
    .values({ name: lease.name, holder: lease.holder, expiresAt: lease.until })
    .onConflictDoUpdate({
      target: upkeepLeases.name,
      set: { holder: lease.holder, expiresAt: lease.until },
      setWhere: or(lt(upkeepLeases.expiresAt, lease.now), eq(upkeepLeases.holder, lease.holder)),
    })
    .returning({ name: upkeepLeases.name });
  return taken.length > 0;
}

/** The run's version and prompt, with its contact sheet as last rendered if any; undefined for an unknown run. */
export async function getContactSheet(
  db: Database,
  runId: string,
): Promise<
  | {
      runVersion: number;
      prompt: string;
      sheet: { version: number; drawing: number; blobKey: string } | null;
    }
  | undefined
> {
  const [row] = await db
    .select({
      runVersion: runs.version,
      prompt: runs.prompt,
      sheetVersion: contactSheets.version,
      drawing: contactSheets.drawing,
      blobKey: contactSheets.blobKey,
    })
    .from(runs)
    .leftJoin(contactSheets, eq(contactSheets.runId, runs.id))
    .where(eq(runs.id, runId));
  if (!row) return undefined;
  const sheet =
    row.sheetVersion === null || row.blobKey === null
      ? null
      : { version: row.sheetVersion, drawing: row.drawing ?? 0, blobKey: row.blobKey };
  return { runVersion: row.runVersion, prompt: row.prompt, sheet };
}

/**
 * Records the run's sheet of `version`, drawn by `drawing` (never over a newer run version); its
 * blob's write is then settled.
 */
export async function recordContactSheet(
  db: Database,
  sheet: { runId: string; version: number; drawing: number; blobKey: string },
): Promise<void> {
  await db.transaction(async (transaction) => {
    // A run deleted meanwhile keeps no sheet: the insert finds no run and adds nothing.
    await transaction.execute(sql`
      insert into ${contactSheets} (run_id, version, drawing, blob_key)
      select ${sheet.runId}, ${sheet.version}, ${sheet.drawing}, ${sheet.blobKey} where exists (select 1 from ${runs} where ${runs.id} = ${sheet.runId})
      on conflict (run_id) do update set version = excluded.version, drawing = excluded.drawing, blob_key = excluded.blob_key
      where ${contactSheets.version} <= excluded.version`);
    await settleBlobWrites(transaction, [sheet.blobKey]);
  });
}
