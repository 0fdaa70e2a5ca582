import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { pngImage } from "@/lib/testing/test-images";
import { renderContactSheet, type SheetInput } from "./render-sheet";
import { MAX_HEIGHT, MAX_WIDTH, sheetLayout } from "./sheet-layout";

function input(
  rows: number,
  columns: number,
  cell: (row: number, column: number) => SheetInput["cells"][0][0],
) {
  return {
    title: `${rows} prompts × ${columns} models`,
    subtitle: "Prism · run test",
    prompts: Array.from({ length: rows }, (_, row) => `prompt ${row + 1}`),
    columns: Array.from({ length: columns }, (_, column) => ({
      label: `model ${column + 1}`,
      provider: "shortapi",
    })),
    cells: Array.from({ length: rows }, (_, row) =>
      Array.from({ length: columns }, (_, column) => cell(row, column)),
    ),
    cellAspect: 1,
  };
}

describe("contact sheet layout", () => {
  it("grows with rows and columns and stays within bounds for 12 × 8", () => {
    const small = sheetLayout(1, 1, 1);
    expect(sheetLayout(2, 1, 1).height).toBeGreaterThan(small.height);
    expect(sheetLayout(1, 2, 1).width).toBeGreaterThan(small.width);
    const largest = sheetLayout(12, 8, 1);
    expect(largest.width).toBeLessThanOrEqual(MAX_WIDTH);
    expect(largest.height).toBeLessThanOrEqual(MAX_HEIGHT);
    expect(largest.cell.width).toBeGreaterThanOrEqual(200);
    const portrait = sheetLayout(12, 8, 9 / 16);
    expect(portrait.height).toBeLessThanOrEqual(MAX_HEIGHT);
    expect(portrait.cell.height).toBeGreaterThan(portrait.cell.width);
  });

  it("puts cells side by side without overlap", () => {
    const layout = sheetLayout(3, 4, 4 / 3);
    const first = layout.cellAt(0, 0);
    expect(layout.cellAt(0, 1).left).toBeGreaterThan(first.left + layout.cell.width);
    expect(layout.cellAt(1, 0).top).toBeGreaterThan(first.top + layout.cell.height);
    const last = layout.cellAt(2, 3);
    expect(last.left + layout.cell.width).toBeLessThan(layout.width);
    expect(last.top + layout.cell.height).toBeLessThan(layout.height);
  });
});

describe("renderContactSheet", () => {
  it("draws each image in its cell and a notice where there is none", async () => {
    const red = await sharp({ create: { width: 64, height: 64, channels: 3, background: "#e00000" } })
      .png()
      .toBuffer();
    const sheet = input(2, 2, (row, column) =>
      row === 1 && column === 1 ? { state: "Failed", detail: "pixazo kept failing (HTTP 502)" } : red,
    );
    const png = await renderContactSheet(sheet);
    const layout = sheetLayout(2, 2, 1);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([layout.width, layout.height]);
    const pixel = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3),
    ];
    const centre = (row: number, column: number) => {
      const { left, top } = layout.cellAt(row, column);
      return pixel(left + Math.floor(layout.cell.width / 2), top + Math.floor(layout.cell.height / 4));
    };
    expect(centre(0, 0)[0]).toBeGreaterThan(200);
    expect(centre(0, 0)[1]).toBeLessThan(40);
    // The failed cell is the light cell background, not an image.
    expect(Math.min(...centre(1, 1))).toBeGreaterThan(200);
  });

  it("is a PNG whose size grows with the matrix", async () => {
    const image = await pngImage(32, 32, 3);
    const one = await sharp(await renderContactSheet(input(1, 1, () => image))).metadata();
    const wider = await sharp(await renderContactSheet(input(1, 3, () => image))).metadata();
    const taller = await sharp(await renderContactSheet(input(3, 1, () => image))).metadata();
    expect(one.format).toBe("png");
    expect(wider.width).toBeGreaterThan(one.width);
    expect(taller.height).toBeGreaterThan(one.height);
  });

  it("says so in the cell when an image cannot be read", async () => {
    const png = await renderContactSheet(
      input(1, 2, (_, column) => (column === 0 ? Buffer.from("not an image") : { state: "Canceled" })),
    );
    expect((await sharp(png).metadata()).format).toBe("png");
  });

  it("draws an emoji in a label with the shipped fonts the OG image uses, not as an empty box", async () => {
    const labelled = async (label: string) => {
      const sheet = input(1, 1, () => ({ state: "Queued" }));
      sheet.columns[0]!.label = label;
      return (
        await sharp(await renderContactSheet(sheet))
          .raw()
          .toBuffer()
      ).toString("base64");
    };
    // Two characters no shipped font has are both drawn as the same empty box.
    const [emoji, missing, alsoMissing] = await Promise.all([labelled("🚀"), labelled("ᚠ"), labelled("ᚢ")]);
    expect(missing).toBe(alsoMissing);
    expect(emoji).not.toBe(missing);
  });
});
