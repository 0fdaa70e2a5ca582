"use client";

import Link from "next/link";
import { type CSSProperties, type ReactNode, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { CompareIcon } from "@/components/ui/icons";
import { RenderWhenNear } from "@/components/ui/render-when-near";
import type { RunView } from "@/lib/api/views";
import { imageSlots } from "@/components/media/run-matrix-model";
import { ambiguousLabels, modelLabel } from "@/lib/labels/names";
import { tallestRatio } from "./matrix-columns";
import {
  GAP_REM,
  isNarrow,
  LAYOUT,
  minimumWidthRem,
  narrowColumnWidth,
  sharedColumnWidth,
} from "./matrix-layout";
import { useHiddenColumns } from "./use-hidden-columns";
import { RunInputs } from "@/components/media/run-inputs";
import type { Density } from "./use-density";

interface RunMatrixProps {
  run: RunView;
  density: Density;
  /** The width (px) the results have, null before it is measured. */
  width: number | null;
  renderCell: (row: number, column: number) => ReactNode;
  /** The compare view with a row's or a column's images; null where it has fewer than two. */
  compareHref?: (line: { row: number } | { column: number }) => string | null;
  /** A control under a row's prompt (keyboard triage's "Pairwise"). */
  rowAction?: (row: number) => ReactNode;
}

/** "Compare this row" / "Compare this column": the compare view, one image per cell of the line. */
function CompareLineLink({ href, name }: { href: string | null | undefined; name: string }) {
  if (!href) return null;
  return (
    <Link
      href={href}
      prefetch={false}
      aria-label={name}
      title={name.split(":")[0]}
      className="inline-flex size-6 shrink-0 items-center justify-center rounded-md text-fg-subtle hover:bg-surface-muted hover:text-fg [&_svg]:size-4"
    >
      <CompareIcon />
    </Link>
  );
}

/** What the page puts above the matrix and the matrix's own header take of a screen's height. */
const CHROME_REM = 20;
/** Rows rendered beyond the box's view: half a box each way keeps a scroll smooth and 8 columns of cards under 1,500 nodes. */
const ROW_MARGIN = "50% 0px";

/**
 * On the contact sheet, the width of a cell whose tallest thumbnail fills a row's share of the
 * screen (at least 2.5rem, at most 14rem), so 12 rows fit one screen whatever the images' shape.
 */
function thumbnailCellWidth(run: RunView): string {
  const rowHeight = `clamp(2.5rem, calc((100dvh - ${CHROME_REM}rem) / ${run.prompts.length} - 0.25rem), 14rem)`;
  return `calc(${rowHeight} * ${imageSlots(run) * tallestRatio(run)})`;
}

function columnTemplate(run: RunView, density: Density, width: number | null): string {
  const layout = LAYOUT[density];
  const columns = run.configs.length;
  if (width !== null && isNarrow(width))
    return `repeat(${columns}, ${narrowColumnWidth(density, columns, width)}px)`;
  const shared = width === null ? `${layout.max}rem` : `${sharedColumnWidth(density, columns, width)}px`;
  const column =
    density === "contact"
      ? `clamp(${layout.min}rem, min(${thumbnailCellWidth(run)}, ${shared}), ${layout.max}rem)`
      : `minmax(${layout.min}rem, ${layout.max}rem)`;
  return `${layout.header}rem repeat(${columns}, ${column})`;
}

/**
 * The matrix: rows = prompts, columns = configurations, every column the same width (so every image
 * is drawn at the same scale). It scrolls in its own box, a screen tall at most, with the prompt
 * column and the configuration row sticky and opaque; rows far from the box's view are not
 * rendered. On a narrow screen each prompt is a heading above its row, whose cards take the width.
 * Columns beyond the right edge are announced there ("2 more columns →").
 */
export function RunMatrix({ run, density, width, renderCell, compareHref, rowAction }: RunMatrixProps) {
  const box = useRef<HTMLDivElement>(null);
  const layout = LAYOUT[density];
  const columns = run.configs.length;
  const narrow = isNarrow(width);
  const dense = density === "contact";
  const hidden = useHiddenColumns(box, `${density}:${width}:${columns}:${narrow}`);
  const grid: CSSProperties = {
    gridTemplateColumns: columnTemplate(run, density, width),
    columnGap: `${GAP_REM}rem`,
  };
  // The bands take the scrolled width too, so a sticky band covers every column it passes over.
  const band: CSSProperties = narrow
    ? { width: "max-content", minWidth: "100%" }
    : { minWidth: `${minimumWidthRem(density, columns)}rem` };
  const ambiguous = ambiguousLabels(run.configs);
  const scrollOn = () => {
    const element = box.current;
    if (!element) return;
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollBy({ left: element.clientWidth * 0.8, behavior: reduce ? "auto" : "smooth" });
  };

  return (
    <div className="relative">
      <div
        ref={box}
        role="table"
        aria-label="Results matrix"
        aria-rowcount={run.prompts.length + 1}
        aria-colcount={columns + 1}
        data-layout={narrow ? "narrow" : "wide"}
        // Cells keep room for their label; the thumbnails inside stop at this width (run-cell.tsx).
        style={
          dense && !narrow ? ({ "--thumbnail-cell": thumbnailCellWidth(run) } as CSSProperties) : undefined
        }
        className={cn(
          "max-h-[calc(100dvh-7rem)] overflow-auto overscroll-contain rounded-card border border-line bg-surface-sunken/40",
          dense && !narrow && "w-fit max-w-full",
          narrow && "snap-x snap-mandatory scroll-px-4",
        )}
      >
        <div role="rowgroup" className="sticky top-0 z-20 border-b border-line bg-surface" style={band}>
          <div role="row" className={cn("grid py-2", narrow ? "px-4" : "pr-2")} style={grid}>
            <div
              role="columnheader"
              className={
                narrow
                  ? "sr-only"
                  : "sticky left-0 z-10 bg-surface pl-3 text-[11px] font-semibold tracking-wide text-fg-subtle uppercase"
              }
            >
              {run.inputs.length > 0 ? "Prompt · inputs" : "Prompt"}
              {narrow ? null : <RunInputs inputs={run.inputs} dense className="mt-1 normal-case" />}
            </div>
            {run.configs.map((config) => {
              const { provider } = modelLabel(config.modelId);
              return (
                <div
                  role="columnheader"
                  key={config.index}
                  data-column={config.index}
                  className={cn("flex min-w-0 items-start gap-1", narrow && "snap-start")}
                >
                  <div className="min-w-0 flex-1" title={`${config.label} (${provider})`}>
                    <p className={cn("truncate font-semibold text-fg", dense ? "text-[11px]" : "text-sm")}>
                      {config.label}
                      {dense && ambiguous.has(config.label) ? (
                        <span className="font-normal text-fg-subtle"> ({provider})</span>
                      ) : null}
                    </p>
                    {dense ? null : <p className="truncate text-xs text-fg-subtle">{provider}</p>}
                  </div>
                  <CompareLineLink
                    href={compareHref?.({ column: config.index })}
                    name={`Compare this column: ${config.label}`}
                  />
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className={cn("grid", dense ? "gap-1 py-1" : "gap-2 py-2")} style={band}>
          {run.prompts.map((prompt, row) => (
            <RenderWhenNear
              key={row}
              root={box}
              margin={ROW_MARGIN}
              estimatedHeight={layout.rowHeight}
              initiallyRendered={dense || row < 2}
            >
              <div
                role="row"
                data-row={row}
                className={cn("grid items-start", narrow ? "gap-y-1.5 px-4" : "pr-2")}
                style={grid}
              >
                <div
                  role="rowheader"
                  tabIndex={-1}
                  data-triage-row
                  className={cn(
                    "sticky left-0 z-10 flex gap-1",
                    narrow
                      ? "col-span-full -mx-4 items-start px-4 pt-1"
                      : // Thumbnails: the row's controls sit beside the prompt, so a row is no taller than its images.
                        dense
                        ? "items-start self-stretch bg-surface py-1 pl-3"
                        : "flex-col items-start self-stretch bg-surface py-1 pl-3",
                  )}
                  style={narrow && width !== null ? { width: `${width - 2}px` } : undefined}
                >
                  <p
                    title={prompt}
                    className={cn(
                      "min-w-0 text-fg",
                      (narrow || dense) && "flex-1",
                      narrow
                        ? "line-clamp-2 text-sm font-medium"
                        : dense
                          ? "text-[11px] leading-tight"
                          : "line-clamp-6 text-xs leading-snug",
                      !narrow && dense && (run.prompts.length > 8 ? "line-clamp-2" : "line-clamp-3"),
                    )}
                  >
                    {prompt}
                  </p>
                  <span className="flex shrink-0 items-center gap-1.5">
                    <CompareLineLink
                      href={compareHref?.({ row })}
                      name={`Compare this row: prompt ${row + 1}`}
                    />
                    {rowAction?.(row)}
                  </span>
                </div>
                {run.configs.map((config) => (
                  <div
                    role="cell"
                    key={config.index}
                    data-column={config.index}
                    tabIndex={-1}
                    className={cn("h-full min-w-0 rounded-card outline-offset-2", narrow && "snap-start")}
                  >
                    {renderCell(row, config.index)}
                  </div>
                ))}
              </div>
            </RenderWhenNear>
          ))}
        </div>
      </div>
      {hidden > 0 ? (
        <button
          type="button"
          onClick={scrollOn}
          className="absolute top-2 right-2 z-30 inline-flex h-8 items-center rounded-full border border-line bg-surface px-3 text-xs font-medium text-fg shadow-card hover:bg-surface-muted"
        >
          {hidden} more {hidden === 1 ? "column" : "columns"} →
        </button>
      ) : null}
    </div>
  );
}
