import "server-only";
import type { RunRows } from "@/lib/db/queries/runs";
import type { ImageRow, JobRow } from "@/lib/db/schema";
import { modelLabel, storedConfigurationLabel } from "@/lib/labels/names";
import { runSize } from "@/lib/labels/run-size";
import { readBlobBytes } from "@/lib/render/thumbnails";
import { countingTake } from "@/lib/models/takes";
import type { BlobStore } from "@/lib/storage/blob-store";
import { THUMBNAIL_WIDTH } from "@/lib/storage/image-type";
import { failureSummary } from "@/lib/views/failure-summary";
import { expectedOutput } from "@/lib/views/to-views";
import { renderContactSheet, type SheetInput } from "./render-sheet";
import { sheetLayout } from "./sheet-layout";
import type { CellNotice } from "./sheet-markup";

/** The file name of the sheet inside a run's ZIP. */
export const CONTACT_SHEET_NAME = "contact-sheet.png";

/** A take as the sheet reads it: its job row and its stored images (keys included), in index order. */
type SheetTake = JobRow & { images: ImageRow[] };

/** What a cell without an image says, by the state of its take. */
function noticeFor(job: SheetTake | undefined): CellNotice {
  if (!job) return { state: "No job" };
  switch (job.status) {
    case "failed": {
      const message = job.errorMessage ?? "";
      const summary = job.errorCode ? failureSummary(job.providerId, job.errorCode, message) : undefined;
      return { state: "Failed", detail: summary ?? (message || job.errorCode || undefined) };
    }
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

/** The aspect ratio most cells' images have, so most images fill their cell. */
function commonAspect(jobs: (SheetTake | undefined)[]): number {
  const counts = new Map<number, number>();
  for (const job of jobs) {
    const image = job?.images[0];
    const expected = job ? expectedOutput(job).aspectRatio : 1;
    const ratio = Math.round((image ? image.width / image.height : expected) * 100) / 100;
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
 * the first image of the take that counts (or what happened instead); an edit run's inputs above,
 * as "Before". Reads the run's rows, blob keys included, so it needs no query of its own.
 */
export async function runContactSheet(
  blobStore: BlobStore,
  { run, jobs, images, inputs = [] }: RunRows,
): Promise<Buffer> {
  const rows = run.prompts.length;
  const columns = run.configs.length;
  const takes: SheetTake[] = jobs.map((job) => ({
    ...job,
    images: images.filter((image) => image.jobId === job.id).sort((a, b) => a.index - b.index),
  }));
  const shown = run.prompts.map((_, row) =>
    run.configs.map((_, column) =>
      countingTake(takes.filter((job) => job.promptIndex === row && job.configIndex === column)),
    ),
  );
  const cellAspect = commonAspect(shown.flat());
  // A thumbnail is as wide as any cell it would fill when the cell is no wider than it.
  const useThumbnails = sheetLayout(rows, columns, cellAspect).cell.width <= THUMBNAIL_WIDTH;
  const cells: SheetInput["cells"] = await Promise.all(
    shown.map((row) =>
      Promise.all(
        row.map(async (job) => {
          const image = job?.images[0];
          if (!image) return noticeFor(job);
          const bytes = await readBlobBytes(blobStore, useThumbnails ? image.thumbnailKey : image.blobKey);
          return bytes ?? { state: "Image missing" };
        }),
      ),
    ),
  );
  // Thumbnails are wider than an input's box on the sheet.
  const inputBytes = await Promise.all(inputs.map((input) => readBlobBytes(blobStore, input.thumbnailKey)));
  const seed = run.seed === null ? "random seeds" : `seed ${run.seed}`;
  return renderContactSheet({
    title: runSize(rows, columns),
    subtitle: `Prism · run ${run.id} · ${CREATED_FORMAT.format(run.createdAt)} UTC · ${seed}`,
    prompts: run.prompts,
    columns: run.configs.map((config) => ({
      label: storedConfigurationLabel(config),
      provider: modelLabel(config.modelId).provider,
    })),
    cells,
    cellAspect,
    inputs: inputBytes.filter((bytes) => bytes !== null),
  });
}
