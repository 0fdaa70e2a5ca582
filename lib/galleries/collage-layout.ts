/** Pure: where each image of the share preview goes, whole (never cropped) and as large as it fits. */

export interface Placement {
  left: number;
  top: number;
  width: number;
  height: number;
}

const GAP = 8;

/** Images per row for `count` images in `rows` rows, the first rows taking any extra one. */
function rowSizes(count: number, rows: number): number[] {
  return Array.from({ length: rows }, (_, row) => Math.floor(count / rows) + (row < count % rows ? 1 : 0));
}

/**
 * Rows of images at one height per row, each row filling the width, then all scaled down to fit
 * the height and centred. One or two rows, whichever shows the images larger. `aspects` are
 * width ÷ height.
 */
export function collageLayout(aspects: number[], size: { width: number; height: number }): Placement[] {
  if (aspects.length === 0) return [];
  const layouts = [1, 2]
    .filter((rows) => rows <= aspects.length)
    .map((rows) => layoutInRows(aspects, rowSizes(aspects.length, rows), size));
  const area = (placements: Placement[]) =>
    placements.reduce((sum, placement) => sum + placement.width * placement.height, 0);
  return layouts.reduce((best, layout) => (area(layout) > area(best) ? layout : best));
}

function layoutInRows(
  aspects: number[],
  sizes: number[],
  size: { width: number; height: number },
): Placement[] {
  let start = 0;
  const rows = sizes.map((count) => {
    const row = aspects.slice(start, start + count);
    start += count;
    const sum = row.reduce((total, aspect) => total + aspect, 0);
    return { aspects: row, height: (size.width - GAP * (row.length - 1)) / sum };
  });
  const gaps = GAP * (rows.length - 1);
  const naturalHeight = rows.reduce((total, row) => total + row.height, 0);
  const scale = Math.min(1, (size.height - gaps) / naturalHeight);
  const totalHeight = naturalHeight * scale + gaps;
  let top = (size.height - totalHeight) / 2;
  return rows.flatMap((row) => {
    const height = row.height * scale;
    const widths = row.aspects.map((aspect) => aspect * height);
    const rowWidth = widths.reduce((total, width) => total + width, 0) + GAP * (widths.length - 1);
    let left = (size.width - rowWidth) / 2;
    const placements = widths.map((width) => {
      const placement = {
        left: Math.floor(left),
        top: Math.floor(top),
        width: Math.floor(width),
        height: Math.floor(height),
      };
      left += width + GAP;
      return placement;
    });
    top += height + GAP;
    return placements;
  });
}
