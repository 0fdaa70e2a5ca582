import "server-only";
import sharp from "sharp";
import { renderSvg } from "@/lib/render/text-layer";
import { SheetMarkup, sheetStrings, type SheetText } from "./sheet-markup";
import { sheetLayout } from "./sheet-layout";

/**
 * The version of the drawing below: raise it with any change to what a sheet looks like, so sheets
 * kept in the blob store from an older drawing are drawn again (lib/contact-sheet/sheet-cache.ts).
 * 1: the "Before" strip of an edit run's inputs.
 */
export const SHEET_DRAWING_VERSION = 1;

export interface SheetInput extends Omit<SheetText, "notices" | "inputCount"> {
  /** Width ÷ height the cells are shaped for. */
  cellAspect: number;
  /** An edit run's input images (bytes sharp reads), drawn above the matrix as "Before". */
  inputs?: Buffer[];
  /** Per row and column: the image's bytes (any format sharp reads), or what to say instead. */
  cells: (Buffer | NonNullable<SheetText["notices"][number][number]>)[][];
}

/** The image scaled to fit its cell, centred, over the cell's own background. */
async function fitted(bytes: Buffer, cell: { width: number; height: number }) {
  // Raw pixels: encoding each cell only for the composite to decode it again costs seconds on 12 × 8.
  const { data, info } = await sharp(bytes)
    .resize(cell.width, cell.height, { fit: "inside" })
    .flatten({ background: "#f1f1f4" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data,
    raw: { width: info.width, height: info.height, channels: info.channels },
    left: Math.floor((cell.width - info.width) / 2),
    top: Math.floor((cell.height - info.height) / 2),
  };
}

/** The whole matrix as one PNG: labels drawn by Satori with the shipped fonts, images by sharp. */
export async function renderContactSheet(input: SheetInput): Promise<Buffer> {
  const rows = input.prompts.length;
  const columns = input.columns.length;
  const inputs = input.inputs ?? [];
  const layout = sheetLayout(rows, columns, input.cellAspect, inputs.length);
  const fittedCells = await Promise.all(
    input.cells.map((row) =>
      Promise.all(
        row.map((cell) =>
          Buffer.isBuffer(cell)
            ? // An image sharp cannot read leaves a cell that says so, not a failed sheet.
              fitted(cell, layout.cell).catch(() => ({ state: "Image unreadable" }))
            : cell,
        ),
      ),
    ),
  );
  // An input sharp cannot read is left out: the matrix is what the sheet is for.
  const fittedInputs = await Promise.all(
    inputs.map((bytes) => fitted(bytes, layout.input).catch(() => null)),
  );
  const notices = fittedCells.map((row) => row.map((cell) => ("state" in cell ? cell : null)));
  const text: SheetText = { ...input, notices, inputCount: inputs.length };
  const svg = await renderSvg(SheetMarkup({ layout, text }), sheetStrings(text), layout);
  const images = fittedCells.flatMap((row, rowIndex) =>
    row.flatMap((cell, column) => {
      if ("state" in cell) return [];
      const corner = layout.cellAt(rowIndex, column);
      return [{ input: cell.data, raw: cell.raw, left: corner.left + cell.left, top: corner.top + cell.top }];
    }),
  );
  for (const [index, cell] of fittedInputs.entries()) {
    if (!cell) continue;
    const corner = layout.inputAt(index);
    // Left-aligned in its box, so several inputs read as one row.
    images.push({ input: cell.data, raw: cell.raw, left: corner.left, top: corner.top + cell.top });
  }
  // zlib level 6: level 9 takes three times as long on a 12 × 8 sheet for a few percent fewer bytes.
  return sharp(Buffer.from(svg)).composite(images).png({ compressionLevel: 6 }).toBuffer();
}
