"use client";

import Link from "next/link";
import { type ReactNode, useMemo, useRef, useState } from "react";
import { DetailPicks } from "@/components/picks/detail-picks";
import type { RunView } from "@/lib/api/views";
import { Lightbox } from "@/components/media/lightbox";
import { EditImageButton } from "@/components/media/edit-image";
import { buttonClasses } from "@/components/ui/button";
import { CompareIcon, PairwiseIcon } from "@/components/ui/icons";
import { LazyRunTriage } from "./lazy-run-triage";
import { CellRerunButton } from "./cell-rerun-button";
import { RunCell } from "./run-cell";
import { RunMatrix } from "./run-matrix";
import {
  allImageIds,
  cellKey,
  imageSlots,
  lineImageIds,
  matrixCells,
  matrixImages,
  stepInMatrix,
} from "@/components/media/run-matrix-model";
import { columnName, modelLabel } from "@/lib/labels/names";
import { paramLabelsOf } from "@/lib/labels/params";
import { useModels } from "@/lib/hooks/use-models";
import { MAX_COMPARED_IMAGES } from "@/lib/models/run-limits";
import { shownTake } from "@/lib/models/takes";
import { TakeChoice } from "./take-choice";
import type { Density } from "./use-density";

interface RunGalleryProps {
  run: RunView;
  density: Density;
  /** The width (px) the results have, null before it is measured. */
  width: number | null;
  /** Keyboard triage (number keys, S, N, J/K, pairwise): the run page, where one run has the page. */
  triage?: boolean;
  /** The row of controls above the results (density, contact sheet); the triage hint joins it. */
  toolbar?: ReactNode;
}

const compareLink = (ids: string[]) => `/compare?images=${ids.map(encodeURIComponent).join(",")}`;

const ROW_LAYOUT: Record<Density, string> = {
  large: "grid-cols-1 @2xl:grid-cols-2 @[58rem]:grid-cols-3 @[96rem]:grid-cols-4",
  compact: "grid-cols-2 @2xl:grid-cols-3 @[58rem]:grid-cols-4 @[80rem]:grid-cols-6",
  contact: "grid-cols-3 @2xl:grid-cols-4 @[58rem]:grid-cols-6 @[80rem]:grid-cols-8",
};

/**
 * A run's results at one scale: a one-prompt run as a row of cards, a larger one as a matrix
 * (rows = prompts, columns = configurations). Owns the take each cell shows and the lightbox,
 * whose arrow keys move across the matrix.
 */
export function RunGallery({ run, density, width, triage = false, toolbar }: RunGalleryProps) {
  const [picked, setPicked] = useState<Map<string, number>>(() => new Map());
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const cells = useMemo(() => matrixCells(run), [run]);
  const items = useMemo(() => matrixImages(run, cells, picked), [run, cells, picked]);
  const slots = imageSlots(run);
  // Labels the lightbox's parameters: asked for once an image opens, cached where the playground has it.
  const models = useModels({ enabled: openIndex !== null }).data?.models;
  const fields = useMemo(() => new Map(models?.map((model) => [model.id, model.fields])), [models]);
  const compareHref = (line: { row: number } | { column: number }) => {
    const ids = lineImageIds(items, line);
    return ids.length < 2 ? null : compareLink(ids);
  };
  // One prompt: its row is the whole run, so the row's compare is "Compare all".
  const compareAll = cells.length <= 1 ? allImageIds(items, MAX_COMPARED_IMAGES) : [];
  const root = useRef<HTMLDivElement>(null);
  const [pairwiseRow, setPairwiseRow] = useState<number | null>(null);
  const pairwiseButton = (row: number) =>
    items.filter((item) => item.row === row).length < 2 ? null : (
      <button
        type="button"
        aria-label={`Pairwise: prompt ${row + 1}`}
        aria-keyshortcuts="P"
        title="Which is better? Compare this row two at a time (P)"
        onClick={() => setPairwiseRow(row)}
        className="inline-flex size-6 shrink-0 items-center justify-center rounded-md text-fg-subtle hover:bg-surface-muted hover:text-fg [&_svg]:size-4"
      >
        <PairwiseIcon />
      </button>
    );
  const open = (imageId: string) => setOpenIndex(items.findIndex((item) => item.image.id === imageId));
  const pickTake = (row: number, column: number, take: number | undefined) =>
    setPicked((current) => {
      const next = new Map(current);
      if (take === undefined) next.delete(cellKey(row, column));
      else next.set(cellKey(row, column), take);
      return next;
    });

  const renderCell = (row: number, column: number, cellDensity: Density, inMatrix: boolean) => {
    const cell = cells[row]?.[column];
    const config = run.configs[column];
    const job = cell && shownTake(cell.takes, picked.get(cellKey(row, column)));
    if (!cell || !job) return null;
    const { name, provider } = modelLabel(job.modelId);
    const columnLabel = columnName(config, job.modelId);
    return (
      <RunCell
        job={job}
        takes={cell.takes}
        label={inMatrix ? `${columnLabel}, prompt ${row + 1}` : columnLabel}
        heading={inMatrix ? undefined : { title: config?.label ?? name, subtitle: provider }}
        provider={provider}
        slots={slots}
        density={cellDensity}
        runId={run.id}
        onOpenImage={open}
        onPickTake={(take) => pickTake(row, column, take)}
        onNewTake={() => pickTake(row, column, undefined)}
      />
    );
  };

  return (
    <div ref={root} className="@container grid grid-cols-1 gap-5">
      <div className="flex flex-wrap items-center justify-end gap-2">
        {triage ? (
          <LazyRunTriage
            root={root}
            run={run}
            items={items}
            pairwiseRow={pairwiseRow}
            onPairwiseRow={setPairwiseRow}
          />
        ) : null}
        {compareAll.length >= 2 ? (
          <Link href={compareLink(compareAll)} prefetch={false} className={buttonClasses("ghost", "sm")}>
            <CompareIcon />
            Compare all
          </Link>
        ) : null}
        {toolbar}
      </div>
      {cells.length <= 1 ? (
        <ul aria-label="Results" data-row={0} className={`grid items-start gap-4 ${ROW_LAYOUT[density]}`}>
          {(cells[0] ?? []).map((cell) => (
            <li key={cell.column} data-column={cell.column} tabIndex={-1} className="h-full rounded-card">
              {renderCell(0, cell.column, density, false)}
            </li>
          ))}
        </ul>
      ) : (
        <RunMatrix
          run={run}
          density={density}
          width={width}
          renderCell={(row, column) => renderCell(row, column, density, true)}
          compareHref={compareHref}
          rowAction={triage ? pairwiseButton : undefined}
        />
      )}
      <Lightbox
        items={items}
        index={openIndex}
        onIndexChange={setOpenIndex}
        step={(index, direction) => stepInMatrix(items, index, direction)}
        rerunAction={(item) => (
          <CellRerunButton
            key={item.job.id}
            job={item.job}
            runId={run.id}
            onCreated={() => pickTake(item.job.promptIndex, item.job.configIndex, undefined)}
          />
        )}
        takeActions={(item) => (
          <TakeChoice
            job={item.job}
            takes={cells[item.job.promptIndex]?.[item.job.configIndex]?.takes ?? []}
            runId={run.id}
          />
        )}
        edit={(item) => (
          <EditImageButton imageId={item.image.id} className="max-lg:order-last max-lg:col-span-full" />
        )}
        params={(item) => paramLabelsOf(fields.get(item.job.modelId), item.job.params)}
        showCost
        downloadHref={(item) => `/api/images/${encodeURIComponent(item.image.id)}/download`}
        compareHref={compareLink}
        picks={(item) => (
          <DetailPicks
            key={item.image.id}
            image={item.image}
            name={`image ${item.position} from ${item.run.configs[item.job.configIndex]?.label ?? modelLabel(item.job.modelId).name}`}
          />
        )}
      />
    </div>
  );
}
