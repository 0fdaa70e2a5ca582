"use client";

import { type CSSProperties, type ReactNode, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { RenderWhenNear } from "@/components/ui/render-when-near";
import type { RunView } from "@/lib/api/views";
import { modelLabel } from "./format";
import { ambiguousLabels } from "./run-matrix-model";
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
  // Capped, so a 12 × 8 sheet of two-image cells fits a laptop screen.
  contact: { header: 8, min: 4, max: "7rem", rowHeight: 64 },
};
const GAP_REM = 0.5;
/** Rows rendered beyond the box's view: half a box each way keeps a scroll smooth and 8 columns of cards under 1,500 nodes. */
const ROW_MARGIN = "50% 0px";

/**
 * The matrix: rows = prompts, columns = configurations, every column the same width (so every image
 * is drawn at the same scale). It scrolls in its own box, a screen tall at most, with the prompt
 * column and the configuration row sticky; rows far from the box's view are not rendered.
 */
export function RunMatrix({ run, density, renderCell }: RunMatrixProps) {
  const box = useRef<HTMLDivElement>(null);
  const layout = LAYOUT[density];
  const columns = run.configs.length;
  const grid: CSSProperties = {
    gridTemplateColumns: `${layout.header}rem repeat(${columns}, minmax(${layout.min}rem, ${layout.max}))`,
    minWidth: `${layout.header + columns * (layout.min + GAP_REM)}rem`,
    columnGap: `${GAP_REM}rem`,
  };
  const dense = density === "contact";
  const ambiguous = ambiguousLabels(run.configs);

  return (
    <div
      ref={box}
      role="table"
      aria-label="Results matrix"
      aria-rowcount={run.prompts.length + 1}
      aria-colcount={columns + 1}
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
                    dense ? "line-clamp-3 text-[11px] leading-tight" : "line-clamp-6 text-xs leading-snug",
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
