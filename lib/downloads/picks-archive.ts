import "server-only";
import type { RunView } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import type { PickRow } from "@/lib/db/queries/picks";
import { getRunRows } from "@/lib/db/queries/runs";
import type { ImageRow } from "@/lib/db/schema";
import type { BlobStore } from "@/lib/storage/blob-store";
import { toRunView } from "@/lib/views/to-views";
import { archiveResponse, type ArchiveExtras } from "./download-responses";

/**
 * A selection of the picks board as a ZIP, in the board's order: each pick is given to the
 * archive planner as a run holding just that image, so the manifest and the names follow the
 * selection and not the runs' own order.
 */
export async function picksArchiveResponse(
  db: Database,
  blobStore: BlobStore,
  picks: PickRow[],
  extras: ArchiveExtras = [],
): Promise<Response> {
  const runIds = [...new Set(picks.map((pick) => pick.image.runId))];
  const views = new Map<string, RunView>();
  for (const runId of runIds) {
    const rows = await getRunRows(db, runId);
    if (rows) views.set(runId, toRunView(rows));
  }
  const ordered = picks.flatMap(({ image }): RunView[] => {
    const run = views.get(image.runId);
    const job = run?.jobs.find((candidate) => candidate.images.some((shown) => shown.id === image.id));
    if (!run || !job) return [];
    return [{ ...run, jobs: [{ ...job, images: job.images.filter((shown) => shown.id === image.id) }] }];
  });
  const stored: Pick<ImageRow, "id" | "blobKey">[] = picks.map(({ image }) => image);
  const title = picks.length === 1 ? "1 pick" : `${picks.length} picks`;
  return archiveResponse(blobStore, { kind: "picks", id: "picks", title }, ordered, stored, extras);
}
