import type { Density } from "./use-density";

/** Root font size: the layout below is in rem, the measured width in px. */
const REM_PX = 16;

/** Column widths (rem): the prompt column, and each configuration's at least / at most. */
export const LAYOUT: Record<Density, { header: number; min: number; max: number; rowHeight: number }> = {
  // Capped, so a one-configuration matrix does not draw its images a screen wide.
  large: { header: 12, min: 16, max: 28, rowHeight: 420 },
  compact: { header: 9, min: 9, max: 18, rowHeight: 200 },
  // How wide thumbnails get is thumbnailCellWidth's (run-matrix.tsx), within the width there is.
  contact: { header: 8, min: 4, max: 24, rowHeight: 48 },
};
export const GAP_REM = 0.5;
/** The row's right padding. */
const PAD_REM = 0.5;
/** Below this width (rem) each prompt is a heading above its row, and the columns take the width. */
export const NARROW_REM = 40;

export const isNarrow = (width: number | null) => width !== null && width / REM_PX < NARROW_REM;

/** What the matrix's columns need at least, in rem: the prompt column, then each configuration's. */
export const minimumWidthRem = (density: Density, columns: number) =>
  LAYOUT[density].header + columns * (LAYOUT[density].min + GAP_REM) + PAD_REM;

/**
 * The density a run opens in until the person picks one: the largest whose every column fits
 * `width` (px), so a failure is never in a column off to the side. A phone shows large cards, one
 * column at a time; a one-prompt run's row of cards wraps, so only its column count matters.
 */
export function fitDensity(shape: { prompts: number; columns: number }, width: number | null): Density {
  if (width === null || shape.prompts <= 1) return shape.columns > 4 ? "compact" : "large";
  if (isNarrow(width)) return "large";
  const fits = (density: Density) => minimumWidthRem(density, shape.columns) * REM_PX <= width;
  return fits("large") ? "large" : fits("compact") ? "compact" : "contact";
}

/** On a narrow screen, a column's width (px): a large card nearly the width with the next one peeking. */
export function narrowColumnWidth(density: Density, columns: number, width: number): number {
  const inner = width - 2 * REM_PX;
  if (density === "large") return columns === 1 ? inner : inner - 1.5 * REM_PX;
  return density === "compact" ? (inner - GAP_REM * REM_PX) / 2 : (inner - 2 * GAP_REM * REM_PX) / 3;
}

/** On a wide screen, the most one configuration's column can take (px) with every column in view. */
export function sharedColumnWidth(density: Density, columns: number, width: number): number {
  const free = width - (LAYOUT[density].header + PAD_REM + columns * GAP_REM) * REM_PX - 2;
  return Math.max(LAYOUT[density].min * REM_PX, Math.floor(free / Math.max(columns, 1)));
}
