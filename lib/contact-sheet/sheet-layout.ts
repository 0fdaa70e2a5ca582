/**
 * Where everything sits on a contact sheet: a title, one label column (the prompts), one header
 * row (the configurations) and a grid of equal cells. Cells share one size so images compare at
 * the same scale; the sheet stays within MAX_WIDTH × MAX_HEIGHT however big the matrix (12 × 8).
 */

export const MAX_WIDTH = 2400;
export const MAX_HEIGHT = 3600;
/** The widest a cell gets, for a matrix of a column or two. */
const MAX_CELL_WIDTH = 440;
const MIN_CELL_WIDTH = 120;
/** Cells are at least this tall/wide ratio apart from the images' own: 16:9 to 9:16. */
const MAX_ASPECT = 16 / 9;

export const SHEET_MARGIN = 40;
export const SHEET_GAP = 14;
export const TITLE_HEIGHT = 76;
export const HEADER_HEIGHT = 76;
export const LABEL_WIDTH = 300;
/** The "Before" strip of an edit run's inputs, above the header row. */
export const INPUTS_HEIGHT = 150;
const MAX_INPUT_WIDTH = 240;

export interface SheetLayout {
  width: number;
  height: number;
  rows: number;
  columns: number;
  cell: { width: number; height: number };
  /** The top-left corner of a cell. */
  cellAt(row: number, column: number): { left: number; top: number };
  /** Where the configurations' labels start. */
  headerTop: number;
  /** The box each input is fitted into, and its top-left corner (none without inputs). */
  input: { width: number; height: number };
  inputAt(index: number): { left: number; top: number };
}

/** `cellAspect` is width ÷ height of the images (the most common one of the run); `inputs`, how many an edit run has. */
export function sheetLayout(rows: number, columns: number, cellAspect: number, inputs = 0): SheetLayout {
  const aspect = Math.min(MAX_ASPECT, Math.max(1 / MAX_ASPECT, cellAspect || 1));
  const strip = inputs > 0 ? INPUTS_HEIGHT + SHEET_GAP : 0;
  const fixedWidth = 2 * SHEET_MARGIN + LABEL_WIDTH + columns * SHEET_GAP;
  const fixedHeight = 2 * SHEET_MARGIN + TITLE_HEIGHT + strip + HEADER_HEIGHT + rows * SHEET_GAP;
  const byWidth = (MAX_WIDTH - fixedWidth) / columns;
  const byHeight = ((MAX_HEIGHT - fixedHeight) / rows) * aspect;
  const width = Math.floor(Math.max(MIN_CELL_WIDTH, Math.min(MAX_CELL_WIDTH, byWidth, byHeight)));
  const height = Math.round(width / aspect);
  const gridLeft = SHEET_MARGIN + LABEL_WIDTH + SHEET_GAP;
  const headerTop = SHEET_MARGIN + TITLE_HEIGHT + strip;
  const gridTop = headerTop + HEADER_HEIGHT;
  const gridWidth = columns * (width + SHEET_GAP) - SHEET_GAP;
  // The inputs share the grid's width, each at most MAX_INPUT_WIDTH wide.
  const inputWidth = Math.floor(
    Math.min(MAX_INPUT_WIDTH, (gridWidth - (inputs - 1) * SHEET_GAP) / Math.max(1, inputs)),
  );
  return {
    width: gridLeft + gridWidth + SHEET_MARGIN,
    height: gridTop + rows * (height + SHEET_GAP) - SHEET_GAP + SHEET_MARGIN,
    rows,
    columns,
    cell: { width, height },
    cellAt: (row, column) => ({
      left: gridLeft + column * (width + SHEET_GAP),
      top: gridTop + row * (height + SHEET_GAP),
    }),
    headerTop,
    input: { width: inputWidth, height: INPUTS_HEIGHT },
    inputAt: (index) => ({
      left: gridLeft + index * (inputWidth + SHEET_GAP),
      top: SHEET_MARGIN + TITLE_HEIGHT,
    }),
  };
}
