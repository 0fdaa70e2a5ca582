import { Fragment } from "react";
import type { ScorecardFigures, ScorecardModelView } from "@/lib/api/views";
import { modelLabel } from "@/lib/labels/names";
import { costText, percent, perImage, seconds, winRateText } from "./figures";

const COLUMNS = [
  "Runs",
  "Images",
  "Median to first image",
  "p95 to first image",
  "Failure rate",
  "Cost per image",
  "Stars per image",
  "Win rate (95 % interval)",
] as const;

function Cells({ figures }: { figures: ScorecardFigures }) {
  return (
    <>
      <td className="px-3 py-2 text-right tabular-nums">{figures.runs}</td>
      <td className="px-3 py-2 text-right tabular-nums">{figures.images}</td>
      <td className="px-3 py-2 text-right tabular-nums">{seconds(figures.medianSeconds)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{seconds(figures.p95Seconds)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{percent(figures.failureRate)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{costText(figures)}</td>
      <td className="px-3 py-2 text-right tabular-nums">{perImage(figures.starsPerImage)}</td>
      <td className="px-3 py-2 text-right tabular-nums">
        {winRateText(figures.winRate)}
        {figures.winRate.comparisons > 0 ? (
          <span className="block text-[11px] text-fg-subtle">{figures.winRate.comparisons} comparisons</span>
        ) : null}
      </td>
    </>
  );
}

/** Every model, then each of its configurations indented under it. */
export function ScorecardTable({ models }: { models: ScorecardModelView[] }) {
  return (
    // Scrolls sideways on a phone: a region the keyboard can reach and scroll.
    <div
      role="region"
      aria-label="Scorecard table"
      tabIndex={0}
      className="overflow-x-auto rounded-card border border-line bg-surface"
    >
      <table className="w-full min-w-[56rem] text-sm">
        <caption className="sr-only">Scorecard per model and configuration</caption>
        <thead className="bg-surface-muted text-xs text-fg-muted">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Model / configuration
            </th>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 text-right font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {models.map((model) => {
            const { name, provider } = modelLabel(model.modelId);
            return (
              <Fragment key={model.modelId}>
                <tr className="border-t border-line font-medium">
                  <th scope="row" className="px-3 py-2 text-left">
                    {name} <span className="font-normal text-fg-subtle">· {provider}</span>
                  </th>
                  <Cells figures={model} />
                </tr>
                {model.configurations.length > 1
                  ? model.configurations.map((configuration) => (
                      <tr key={configuration.label} className="text-fg-muted">
                        <th scope="row" className="py-1.5 pr-3 pl-7 text-left font-normal">
                          {configuration.label}
                        </th>
                        <Cells figures={configuration} />
                      </tr>
                    ))
                  : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
