"use client";

import { type ReactNode, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ChevronLeftIcon, ChevronRightIcon, CloseIcon } from "@/components/ui/icons";
import { BeforeAfterImage, useBeforeAfter } from "./before-after";
import { LightboxActions } from "./lightbox-actions";
import type { LightboxItem } from "./lightbox-item";
import { formatSeconds } from "@/components/ui/format";
import { jobCost } from "@/lib/labels/cost";
import { imageDetailRows } from "@/lib/labels/image-details";
import type { ParamLabel } from "@/lib/labels/params";
import { modelLabel } from "@/lib/labels/names";

export type { LightboxItem } from "./lightbox-item";

interface LightboxProps {
  items: LightboxItem[];
  index: number | null;
  onIndexChange: (index: number | null) => void;
  /**
   * The re-run control for the open image, e.g. another take of its cell. Absent where re-running
   * makes no sense (a shared gallery), which then ships none of the run-changing code.
   */
  rerunAction?: (item: LightboxItem) => ReactNode;
  /** The open image's take among its cell's (Use this take, Compare with take 1); absent on a share page. */
  takeActions?: (item: LightboxItem) => ReactNode;
  /** A route that answers the image as an attachment with a descriptive name. */
  downloadHref: (item: LightboxItem) => string;
  /** Where "Compare" leads for the open image (the compare view with it and a neighbour). */
  compareHref?: (imageIds: string[]) => string;
  /** The owner's controls for the open image (star, note); absent on a share page. */
  picks?: (item: LightboxItem) => ReactNode;
  /** What the "n / total in …" counter counts. */
  scope?: "run" | "gallery";
  /** Where an arrow key leads (a matrix: ↑ ↓ within a column); by default ← → step through the list. */
  step?: (index: number, direction: ArrowDirection) => number | null;
  /** The open image's parameters as labels ("Aspect ratio 16:9"). */
  params: (item: LightboxItem) => ParamLabel[];
  /** What the take cost: the owner's only (the public never sees what the owner paid). */
  showCost?: boolean;
  /** "Edit this image" for the open image; absent on a share page. */
  edit?: (item: LightboxItem) => ReactNode;
}

type ArrowDirection = "left" | "right" | "up" | "down";

const ARROWS: Record<string, ArrowDirection> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
};

/** How far a finger must travel sideways to step to the next or previous image. */
const SWIPE_PX = 48;

export function Lightbox({
  items,
  index,
  onIndexChange,
  rerunAction,
  downloadHref,
  compareHref,
  picks,
  scope = "run",
  step: stepTo,
  params,
  showCost = false,
  edit,
  takeActions,
}: LightboxProps) {
  const item = index === null ? undefined : items[index];
  // A share payload from before inputs existed has none.
  const beforeAfter = useBeforeAfter(item?.image.id, item?.run.inputs?.[0]);
  const move = (direction: ArrowDirection) => {
    if (index === null || items.length === 0) return;
    const next = stepTo
      ? stepTo(index, direction)
      : direction === "left" || direction === "right"
        ? (index + (direction === "right" ? 1 : -1) + items.length) % items.length
        : null;
    if (next !== null) onIndexChange(next);
  };
  const step = (delta: number) => move(delta > 0 ? "right" : "left");
  const label = item ? modelLabel(item.job.modelId) : null;
  // The column's label ("FLUX.1 · schnell"): two columns of one model read apart.
  const title = item ? (item.run.configs[item.job.configIndex]?.label ?? label?.name) : undefined;
  const swipeStart = useRef<number | null>(null);

  return (
    <Dialog
      open={Boolean(item)}
      onClose={() => onIndexChange(null)}
      label={item && title ? `Image ${item.position} from ${title}` : "Image"}
      className="h-[calc(100dvh-2rem)] w-[min(1400px,calc(100vw-2rem))]"
      onKeyDown={(event) => {
        if (event.target instanceof HTMLTextAreaElement) return;
        if (beforeAfter.onKeyDown(event)) return;
        const direction = ARROWS[event.key];
        if (!direction) return;
        move(direction);
        event.preventDefault();
      }}
    >
      {item && label ? (
        <div className="flex h-full flex-col lg:flex-row">
          <div
            className="relative flex min-h-0 flex-1 touch-pan-y items-center justify-center bg-surface-sunken p-3 sm:p-6"
            onPointerDown={(event) => (swipeStart.current = event.clientX)}
            onPointerUp={(event) => {
              const distance = event.clientX - (swipeStart.current ?? event.clientX);
              swipeStart.current = null;
              if (Math.abs(distance) >= SWIPE_PX) step(distance < 0 ? 1 : -1);
            }}
          >
            <BeforeAfterImage state={beforeAfter} image={item.image} alt={`${title}: ${item.job.prompt}`} />
            {items.length > 1 ? (
              <>
                <Button
                  variant="secondary"
                  size="icon"
                  aria-label="Previous image"
                  onClick={() => step(-1)}
                  className="absolute top-1/2 left-3 -translate-y-1/2 rounded-full"
                >
                  <ChevronLeftIcon />
                </Button>
                <Button
                  variant="secondary"
                  size="icon"
                  aria-label="Next image"
                  onClick={() => step(1)}
                  className="absolute top-1/2 right-3 -translate-y-1/2 rounded-full"
                >
                  <ChevronRightIcon />
                </Button>
              </>
            ) : null}
          </div>

          <aside className="flex max-h-[50%] w-full shrink-0 flex-col border-t border-line lg:max-h-none lg:w-80 lg:border-t-0 lg:border-l">
            <div className="flex min-h-0 flex-col gap-5 overflow-y-auto p-5 max-lg:pb-3">
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <h2 className="text-base font-semibold">{title}</h2>
                  <p className="text-xs text-fg-subtle">
                    {label.provider} · image {item.position} of {item.job.images.length}
                    {item.job.take > 1 ? ` · take ${item.job.take}` : null} ·{" "}
                    <span className="tabular-nums">
                      {index !== null ? `${index + 1} / ${items.length} in ${scope}` : null}
                    </span>
                  </p>
                </div>
                <Button variant="ghost" size="icon-sm" aria-label="Close" onClick={() => onIndexChange(null)}>
                  <CloseIcon />
                </Button>
              </div>

              {takeActions?.(item)}
              {picks?.(item)}

              <section className="grid gap-1.5">
                <h3 className="text-[11px] font-semibold tracking-wide text-fg-subtle uppercase">Prompt</h3>
                <p className="text-sm leading-relaxed whitespace-pre-wrap">{item.job.prompt}</p>
                {item.job.revisedPrompt ? (
                  <p className="text-xs leading-relaxed whitespace-pre-wrap text-fg-muted">
                    Prompt rewritten by {label.provider}: {item.job.revisedPrompt}
                  </p>
                ) : null}
              </section>

              <section className="grid gap-1.5">
                <h3 className="text-[11px] font-semibold tracking-wide text-fg-subtle uppercase">
                  Parameters
                </h3>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs">
                  {imageDetailRows({
                    params: params(item),
                    seed: item.job.seed,
                    width: item.image.width,
                    height: item.image.height,
                    cost: showCost ? jobCost(item.job) : undefined,
                    took: item.job.finishedAt
                      ? formatSeconds(Date.parse(item.job.finishedAt) - Date.parse(item.job.createdAt))
                      : undefined,
                  }).map((row) => (
                    <div key={row.key} className="contents">
                      <dt className="text-fg-muted">{row.title}</dt>
                      <dd className="text-right break-words tabular-nums" title={row.note}>
                        {row.value}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            </div>
            <LightboxActions
              item={item}
              next={index === null || items.length < 2 ? null : items[(index + 1) % items.length]!}
              downloadHref={downloadHref}
              compareHref={compareHref}
              rerunAction={rerunAction}
              edit={edit}
            />
          </aside>
        </div>
      ) : null}
    </Dialog>
  );
}
