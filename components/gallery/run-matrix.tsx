"use client";

import { type CSSProperties, type ReactNode, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { RenderWhenNear } from "@/components/ui/render-when-near";
import type { RunView } from "@/lib/api/views";
import { imageSlots } from "@/components/media/run-matrix-model";
import { ambiguousLabels, modelLabel } from "@/lib/labels/names";
import { tallestRatio } from "./matrix-columns";
import type { Density } from "./use-density";

interface RunMatrixProps {
  run: RunView;
  density: Density;
  renderCell: (row: number, column: number) => ReactNode;
}

/** Column widths (rem): the prompt column, and each configuration's at least / at most. */
const LAYOUT: Record<Density, { header: number; min: number; max: string; rowHeight: number }> = {
  large: { header: 12, min: 16, max: "1fr", rowHeight: 420 },
  compact: { header: 9, min: 9, max: "1fr", rowHeight: 200 },
  // Columns at most 7rem; how wide their thumbnails get is thumbnailCellWidth's, so 12 rows fit a screen.
  contact: { header: 8, min: 4, max: "7rem", rowHeight: 48 },
};
const GAP_REM = 0.5;
/** What the page puts above the matrix and the matrix's own header take of a screen's height. */
const CHROME_REM = 20;
/** Rows rendered beyond the box's view: half a box each way keeps a scroll smooth and 8 columns of cards under 1,500 nodes. */
const ROW_MARGIN = "50% 0px";

/**
 * On the contact sheet, the width of a cell whose tallest thumbnail fills a row's share of the
 * screen (at least 2.5rem, at most 7rem), so 12 rows fit one screen whatever the images' shape.
 */
function thumbnailCellWidth(run: RunView): string {
  const rowHeight = `clamp(2.5rem, calc((100dvh - ${CHROME_REM}rem) / ${run.prompts.length} - 0.25rem), 7rem)`;
  return `calc(${rowHeight} * ${imageSlots(run) * tallestRatio(run)})`;
}

/**
 * The matrix: rows = prompts, columns = configurations, every column the same width (so every image
 * is drawn at the same scale). It scrolls in its own box, a screen tall at most, with the prompt
 * column and the configuration row sticky; rows far from the box's view are not rendered.
 */
export function RunMatrix({ run, density, renderCell }: RunMatrixProps) {
  const box = useRef<HTMLDivElement>(null);
  const layout = LAYOUT[density];
  const columns = run.configs.length;
  const dense = density === "contact";
  // Cells keep room for their label; the thumbnails inside stop at the width (run-cell.tsx).
  const cellWidth = dense ? thumbnailCellWidth(run) : null;
  const column = cellWidth
    ? `clamp(${layout.min}rem, ${cellWidth}, ${layout.max})`
    : `minmax(${layout.min}rem, ${layout.max})`;
  const grid: CSSProperties = {
    gridTemplateColumns: `${layout.header}rem repeat(${columns}, ${column})`,
    minWidth: `${layout.header + columns * (layout.min + GAP_REM)}rem`,
    columnGap: `${GAP_REM}rem`,
  };
  const ambiguous = ambiguousLabels(run.configs);

  return (
    <div
      ref={box}
      role="table"
      aria-label="Results matrix"
      aria-rowcount={run.prompts.length + 1}
      aria-colcount={columns + 1}
      style={cellWidth ? ({ "--thumbnail-cell": cellWidth } as CSSProperties) : undefined}
      className={cn(
        "max-h-[calc(100dvh-7rem)] overflow-auto overscroll-contain rounded-card border border-line bg-surface-sunken/40",
        dense && "w-fit max-w-full",
      )}
    >
      <div role="rowgroup" className="sticky top-0 z-20 border-b border-line bg-surface/95 backdrop-blur">
        <div role="row" className="grid py-2 pr-2" style={grid}>
          <div
            role="columnheader"
            className="sticky left-0 z-10 bg-surface/95 pl-3 text-[11px] font-semibold tracking-wide text-fg-subtle uppercase"
          >
            Prompt
          </div>
          {run.configs.map((config) => {
            const { provider } = modelLabel(config.modelId);
            return (
              <div
                role="columnheader"
                key={config.index}
                className="min-w-0"
                title={`${config.label} (${provider})`}
              >
                <p className={cn("truncate font-semibold text-fg", dense ? "text-[11px]" : "text-sm")}>
                  {config.label}
                  {dense && ambiguous.has(config.label) ? (
                    <span className="font-normal text-fg-subtle"> ({provider})</span>
                  ) : null}
                </p>
                {dense ? null : <p className="truncate text-xs text-fg-subtle">{provider}</p>}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className={cn("grid", dense ? "gap-1 py-1" : "gap-2 py-2")}>
        {run.prompts.map((prompt, row) => (
          <RenderWhenNear
            key={row}
            root={box}
            margin={ROW_MARGIN}
            estimatedHeight={layout.rowHeight}
            initiallyRendered={dense || row < 2}
          >
            <div role="row" className="grid items-start pr-2" style={grid}>
              <div
                role="rowheader"
                className="sticky left-0 z-10 self-stretch bg-surface/95 py-1 pl-3 backdrop-blur"
                title={prompt}
              >
                <p
                  className={cn(
                    "text-fg",
                    dense ? "text-[11px] leading-tight" : "line-clamp-6 text-xs leading-snug",
                    dense && (run.prompts.length > 8 ? "line-clamp-2" : "line-clamp-3"),
                  )}
                >
                  {prompt}
                </p>
              </div>
              {run.configs.map((config) => (
                <div role="cell" key={config.index} className="h-full min-w-0">
                  {renderCell(row, config.index)}
                </div>
              ))}
            </div>
          </RenderWhenNear>
        ))}
      </div>
    </div>
  );
}
