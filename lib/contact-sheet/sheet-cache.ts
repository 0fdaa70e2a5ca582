import "server-only";
import type { Database } from "@/lib/db/client";
import { getContactSheet, recordContactSheet } from "@/lib/db/queries/blobs";
import { getRunRows } from "@/lib/db/queries/runs";
import { AppError } from "@/lib/errors";
import { processSlot } from "@/lib/process-state";
import { readBlobBytes } from "@/lib/render/thumbnails";
import type { BlobStore } from "@/lib/storage/blob-store";
import { runContactSheet } from "./run-contact-sheet";

/**
 * A contact sheet costs a second or more of rendering, part of it (Satori's layout) on the event
 * loop: twenty requests at once once stalled every other request for ten seconds. So a run's sheet
 * is kept in the blob store for the run's version (contact_sheets), requests for the same version
 * share one render, and an instance renders at most RENDER_SLOTS sheets at once; a request that
 * waits longer than RENDER_WAIT_MS for a slot is answered 503 with Retry-After.
 */
export const RENDER_SLOTS = 2;
export const RENDER_WAIT_MS = 20_000;
const RETRY_AFTER_SECONDS = 5;

interface SheetRenders {
  busy: number;
  waiting: (() => void)[];
  /** Renders in flight by "<run id>.<version>", shared by every request for that version. */
  inFlight: Map<string, Promise<Buffer | null>>;
}

const renders = processSlot<SheetRenders>("sheetRenders").getOrCreate(() => ({
  busy: 0,
  waiting: [],
  inFlight: new Map(),
}));

function busyError(): AppError {
  return new AppError("service_unavailable", "Contact sheets are being drawn for others: try again shortly", {
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}

async function inRenderSlot<T>(work: () => Promise<T>, slots: number, waitMs: number): Promise<T> {
  if (renders.busy >= slots) {
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        renders.waiting.splice(renders.waiting.indexOf(turn), 1);
        reject(busyError());
      }, waitMs);
      renders.waiting.push(turn);
    });
  } else renders.busy++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next in line, or is freed.
    const next = renders.waiting.shift();
    if (next) next();
    else renders.busy--;
  }
}

export interface SheetOptions {
  slots?: number;
  waitMs?: number;
}

/** Renders the run's sheet as it is now and keeps it for its version. Null for an unknown run. */
async function renderAndKeep(db: Database, store: BlobStore, runId: string): Promise<Buffer | null> {
  const rows = await getRunRows(db, runId);
  if (!rows) return null;
  const png = await runContactSheet(store, rows);
  const { key } = await store.put(png, "png");
  await recordContactSheet(db, { runId, version: rows.run.version, blobKey: key });
  return png;
}

/**
 * GET /api/runs/:id/contact-sheet: the run's sheet for its current version, from the blob store
 * when it was drawn already, else drawn once for every request that asks meanwhile; with the run's
 * prompt, which names the file. Null for an unknown run.
 */
export async function contactSheetOf(
  db: Database,
  store: BlobStore,
  runId: string,
  options: SheetOptions = {},
): Promise<{ png: Buffer; prompt: string } | null> {
  const run = await getContactSheet(db, runId);
  if (!run) return null;
  const png = await sheetFor(db, store, runId, run, options);
  return png && { png, prompt: run.prompt };
}

async function sheetFor(
  db: Database,
  store: BlobStore,
  runId: string,
  { runVersion, sheet }: NonNullable<Awaited<ReturnType<typeof getContactSheet>>>,
  options: SheetOptions,
): Promise<Buffer | null> {
  if (sheet?.version === runVersion) {
    const bytes = await readBlobBytes(store, sheet.blobKey);
    if (bytes) return bytes;
  }
  const id = `${runId}.${runVersion}`;
  let render = renders.inFlight.get(id);
  if (!render) {
    render = inRenderSlot(
      () => renderAndKeep(db, store, runId),
      options.slots ?? RENDER_SLOTS,
      options.waitMs ?? RENDER_WAIT_MS,
    ).finally(() => renders.inFlight.delete(id));
    renders.inFlight.set(id, render);
  }
  return render;
}
