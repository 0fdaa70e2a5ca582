import "server-only";
import type { JobView, RunView } from "@/lib/api/views";
import type { Database } from "@/lib/db/client";
import { storedKeysOf } from "@/lib/db/queries/images";
import { modelLabel } from "@/lib/labels/names";
import { runSize } from "@/lib/labels/run-size";
import { exportedTake } from "@/lib/models/takes";
import { THUMBNAIL_WIDTH } from "@/lib/jobs/store-image";
import type { BlobStore } from "@/lib/storage/blob-store";
import { renderContactSheet, type SheetInput } from "./render-sheet";
import { sheetLayout } from "./sheet-layout";
import type { CellNotice } from "./sheet-markup";

/** The file name of the sheet inside a run's ZIP. */
export const CONTACT_SHEET_NAME = "contact-sheet.png";

/** What a cell without an image says, by the state of its latest take. */
function noticeFor(job: JobView | undefined): CellNotice {
  if (!job) return { state: "No job" };
  switch (job.status) {
    case "failed":
      return { state: "Failed", detail: job.error?.summary ?? job.error?.message };
    case "canceled":
      return { state: "Canceled" };
    case "queued":
      return { state: "Queued" };
    case "running":
      return { state: "Still running" };
    case "succeeded":
      return { state: "No image" };
  }
}

/** The job a cell shows on the sheet: its exported take. */
export function cellJob(run: RunView, row: number, column: number): JobView | undefined {
  return exportedTake(run.jobs.filter((job) => job.promptIndex === row && job.configIndex === column));
}

/** The aspect ratio most cells' images have, so most images fill their cell. */
function commonAspect(jobs: (JobView | undefined)[]): number {
  const counts = new Map<number, number>();
  for (const job of jobs) {
    const image = job?.images[0];
    const ratio = Math.round((image ? image.width / image.height : (job?.aspectRatio ?? 1)) * 100) / 100;
    counts.set(ratio, (counts.get(ratio) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
}

const CREATED_FORMAT = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

/**
 * The whole matrix of a run as one PNG: a row per prompt, a column per configuration, in each cell
 * the first image of the take it shows (or what happened instead).
 */
export async function runContactSheet(db: Database, blobStore: BlobStore, run: RunView): Promise<Buffer> {
  const rows = run.prompts.length;
  const columns = run.configs.length;
  const jobs = run.prompts.map((_, row) => run.configs.map((_, column) => cellJob(run, row, column)));
  const cellAspect = commonAspect(jobs.flat());
  // A thumbnail is as wide as any cell it would fill when the cell is no wider than it.
  const useThumbnails = sheetLayout(rows, columns, cellAspect).cell.width <= THUMBNAIL_WIDTH;
  const keys = await storedKeysOf(
    db,
    jobs.flat().flatMap((job) => job?.images[0]?.id ?? []),
  );
  const cells: SheetInput["cells"] = await Promise.all(
    jobs.map((row) =>
      Promise.all(
        row.map(async (job) => {
          const image = job?.images[0];
          if (!image) return noticeFor(job);
          const stored = keys.get(image.id);
          const blob = stored && (await blobStore.get(useThumbnails ? stored.thumbnailKey : stored.blobKey));
          if (!blob) return { state: "Image missing" };
          return Buffer.from(await new Response(blob.stream).arrayBuffer());
        }),
      ),
    ),
  );
  const seed = run.seed === null ? "random seeds" : `seed ${run.seed}`;
  return renderContactSheet({
    title: runSize(rows, columns),
    subtitle: `Prism · run ${run.id} · ${CREATED_FORMAT.format(new Date(run.createdAt))} UTC · ${seed}`,
    prompts: run.prompts,
    columns: run.configs.map((config) => ({
      label: config.label,
      provider: modelLabel(config.modelId).provider,
    })),
    cells,
    cellAspect,
  });
}
