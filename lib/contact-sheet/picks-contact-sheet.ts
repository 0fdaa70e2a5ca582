import "server-only";
import { createHash } from "node:crypto";
import type { PickRow } from "@/lib/db/queries/picks";
import { storedConfigurationLabel } from "@/lib/labels/names";
import { readBlobBytes } from "@/lib/render/thumbnails";
import type { BlobStore } from "@/lib/storage/blob-store";
import { THUMBNAIL_WIDTH } from "@/lib/storage/image-type";
import { drawShared, type SheetOptions } from "./render-limit";
import { renderContactSheet } from "./render-sheet";
import { sheetLayout } from "./sheet-layout";

/** A sheet stays legible: its rows shrink to fit the page, and below this many they stay readable. */
export const MAX_PICKS_PER_SHEET = 48;

/** The aspect ratio most picks have, so most images fill their cell. */
function commonAspect(rows: PickRow[]): number {
  const counts = new Map<number, number>();
  for (const { image } of rows) {
    const ratio = Math.round((image.width / image.height) * 100) / 100;
    counts.set(ratio, (counts.get(ratio) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
}

/**
 * A selection of the picks board as one PNG, in the board's order: a row per pick with its prompt,
 * labelled with its place, configuration and take, and its note beside the image.
 */
export async function picksContactSheet(
  blobStore: BlobStore,
  rows: PickRow[],
  now = new Date(),
): Promise<Buffer> {
  const cellAspect = commonAspect(rows);
  const useThumbnails = sheetLayout(rows.length, 1, cellAspect).cell.width <= THUMBNAIL_WIDTH;
  const cells = await Promise.all(
    rows.map(async ({ image }) => {
      const bytes = await readBlobBytes(blobStore, useThumbnails ? image.thumbnailKey : image.blobKey);
      return [bytes ?? { state: "Image missing" }];
    }),
  );
  return renderContactSheet({
    title: rows.length === 1 ? "1 pick" : `${rows.length} picks`,
    subtitle: `Prism · picks board · ${now.toISOString().slice(0, 10)}`,
    prompts: rows.map((row) => (row.image.note ? `${row.prompt}\n— ${row.image.note}` : row.prompt)),
    rowLabels: rows.map((row, index) => {
      const label = storedConfigurationLabel(row.config ?? { modelId: row.modelId });
      return `${index + 1} · ${label}${row.take > 1 ? ` · take ${row.take}` : ""}`;
    }),
    columns: [{ label: "Pick", provider: "" }],
    cells,
    cellAspect,
  });
}

/**
 * Names everything a selection's sheet shows: the picks in this order, their images, prompts,
 * notes, configurations and takes, and the day in its subtitle.
 */
function selectionKey(rows: PickRow[], now: Date): string {
  const shown = rows.map(({ image, prompt, modelId, config, take }) => [
    image.id,
    image.blobKey,
    image.thumbnailKey,
    image.width,
    image.height,
    image.note,
    prompt,
    storedConfigurationLabel(config ?? { modelId }),
    take,
  ]);
  const digest = createHash("sha256").update(JSON.stringify([now.toISOString().slice(0, 10), shown]));
  return `picks:${digest.digest("base64url")}`;
}

/**
 * GET /api/picks/contact-sheet and the picks ZIP: a selection's sheet, drawn under the render limit
 * (503 with Retry-After when no slot frees up in time), once for every request for the same
 * selection meanwhile. Not kept afterwards: a selection has no version of its own to key a stored
 * sheet by, only its contents, and a stored sheet would need a row that refers to its blob.
 */
export function picksSheetOf(
  blobStore: BlobStore,
  rows: PickRow[],
  options: SheetOptions = {},
  now = new Date(),
): Promise<Buffer> {
  return drawShared(selectionKey(rows, now), () => picksContactSheet(blobStore, rows, now), options);
}
