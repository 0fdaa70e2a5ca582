import type { ImageView, JobView, RunView } from "@/lib/api/views";
import { isTerminal } from "@/lib/models/job-status";
import { viewedTake } from "@/lib/models/takes";

/** Pure: a run's jobs arranged as the matrix the gallery draws (rows = prompts, columns = configs). */

export interface MatrixCell {
  row: number;
  column: number;
  /** Every take of the cell, oldest first. */
  takes: JobView[];
}

export const cellKey = (row: number, column: number) => `${row}:${column}`;

/** rows[promptIndex][configIndex]; a cell with no job yet has no takes. */
export function matrixCells(run: RunView): MatrixCell[][] {
  const columns = Math.max(run.configs.length, ...run.jobs.map((job) => job.configIndex + 1));
  const rows = Math.max(run.prompts.length, ...run.jobs.map((job) => job.promptIndex + 1));
  const cells = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (_, column): MatrixCell => ({ row, column, takes: [] })),
  );
  for (const job of run.jobs) cells[job.promptIndex]?.[job.configIndex]?.takes.push(job);
  for (const cell of cells.flat()) cell.takes.sort((a, b) => a.take - b.take);
  return cells;
}

/**
 * Image slots per cell, the same in every cell of the run, so every image is drawn at the same
 * width: a one-image model beside a two-image one gets one slot filled and one empty, not one
 * image twice as large.
 */
export function imageSlots(run: RunView): number {
  // A finished job has what it has (a shared gallery holds only the picked images).
  const counts = run.jobs.map((job) =>
    isTerminal(job.status) ? job.images.length : Math.max(job.expectedImages, job.images.length),
  );
  return Math.min(4, Math.max(1, ...counts));
}

export interface MatrixImage {
  image: ImageView;
  job: JobView;
  run: RunView;
  /** 1-based place of the image in its job. */
  position: number;
  row: number;
  column: number;
}

/** The images the lightbox steps through: each cell's shown take, row by row, column by column. */
export function matrixImages(
  run: RunView,
  cells: MatrixCell[][],
  picked: Map<string, number>,
): MatrixImage[] {
  return cells.flat().flatMap((cell) => {
    const job = viewedTake(cell.takes, picked.get(cellKey(cell.row, cell.column)));
    if (!job) return [];
    return job.images.map((image, index) => ({
      image,
      job,
      run,
      position: index + 1,
      row: cell.row,
      column: cell.column,
    }));
  });
}

export type MatrixDirection = "left" | "right" | "up" | "down";

/**
 * Where an arrow key leads from `index`: ← → through the images in reading order (a job's images,
 * then the next cell of the row, then the next row, wrapping); ↑ ↓ to the nearest row above or below
 * with images in the same column, at the same image position where it has one. Null: nowhere to go.
 */
export function stepInMatrix(items: MatrixImage[], index: number, direction: MatrixDirection): number | null {
  const current = items[index];
  if (!current || items.length < 2) return null;
  if (direction === "left" || direction === "right") {
    return (index + (direction === "right" ? 1 : -1) + items.length) % items.length;
  }
  const inColumn = items.filter((item) => item.column === current.column);
  const rows = [...new Set(inColumn.map((item) => item.row))].sort((a, b) => a - b);
  const target =
    direction === "down" ? rows.find((row) => row > current.row) : rows.findLast((row) => row < current.row);
  if (target === undefined) return null;
  const candidates = inColumn.filter((item) => item.row === target);
  const match = candidates.find((item) => item.position === current.position) ?? candidates.at(-1)!;
  return items.indexOf(match);
}

/**
 * The images "Compare this row" or "Compare this column" opens: the first image of each cell's
 * shown take along that line, in matrix order (one per configuration, or one per prompt).
 */
export function lineImageIds(items: MatrixImage[], line: { row: number } | { column: number }): string[] {
  return items
    .filter(
      (item) => item.position === 1 && ("row" in line ? item.row === line.row : item.column === line.column),
    )
    .map((item) => item.image.id);
}

/**
 * The images "Compare all" opens on a one-prompt run: every image of each cell's shown take, or the
 * first of each cell (the row) where all of them are more than the compare view takes.
 */
export function allImageIds(items: MatrixImage[], max: number): string[] {
  const ids = items.map((item) => item.image.id);
  return ids.length <= max ? ids : lineImageIds(items, { row: 0 }).slice(0, max);
}
