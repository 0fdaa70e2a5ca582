"use client";

import type { ReactNode } from "react";
import type { ImageView, JobView } from "@/lib/api/views";
import { isTerminal } from "@/lib/models/job-status";
import { cn } from "@/components/ui/cn";
import { CheckIcon } from "@/components/ui/icons";
import { selectionActions, useImageSelection } from "@/lib/hooks/use-image-selection";
import { StoredImage } from "@/components/ui/stored-image";

function gridColumns(count: number): string {
  if (count <= 1) return "grid-cols-1";
  if (count === 2) return "grid-cols-1 @[22rem]:grid-cols-2";
  return count <= 4 ? "grid-cols-2" : "grid-cols-2 @[26rem]:grid-cols-4";
}

interface JobImagesProps {
  job: JobView;
  label: string;
  onOpen: (imageId: string) => void;
  /** While the selection mode is on, a click picks the image for sharing instead of opening it. */
  selectable?: boolean;
  /**
   * Columns of images, the same in every cell of a run so every image is drawn at the same width;
   * without it, as many as fit the job's own images.
   */
  slots?: number;
  /** Tighter gaps, for the contact sheet. */
  dense?: boolean;
  /** Controls over each image's top right corner (the owner's star and note). */
  overlay?: (image: ImageView, name: string) => ReactNode;
}

export function JobImages({
  job,
  label,
  onOpen,
  selectable = false,
  slots,
  dense = false,
  overlay,
}: JobImagesProps) {
  const selection = useImageSelection();
  const selecting = selectable && selection.active;
  // Placeholders stay until every image is there, so the card does not jump as images arrive.
  const expected = isTerminal(job.status)
    ? job.images.length
    : Math.max(job.expectedImages, job.images.length);
  const corner = dense ? "rounded" : "rounded-lg";
  const grid = cn("grid", dense ? "gap-0.5" : "gap-1.5", slots ? undefined : gridColumns(expected));
  const columns = slots ? { gridTemplateColumns: `repeat(${slots}, minmax(0, 1fr))` } : undefined;
  const placeholders = Array.from({ length: expected - job.images.length }, (_, index) => (
    <div key={index} className={cn("skeleton", corner)} style={{ aspectRatio: job.aspectRatio }} />
  ));
  if (job.images.length === 0) {
    return (
      <div className={grid} style={columns} aria-hidden>
        {placeholders.length > 0 ? placeholders : <div className={cn("skeleton aspect-square", corner)} />}
      </div>
    );
  }

  return (
    <ul className={grid} style={columns}>
      {job.images.map((image, position) => {
        const name = `image ${position + 1} of ${job.images.length} from ${label}`;
        const selected = selecting && selection.imageIds.includes(image.id);
        return (
          <li key={image.id} className="group/tile @container/tile relative">
            <button
              type="button"
              data-image-id={image.id}
              onClick={() => (selecting ? selectionActions.toggleImage(image.id) : onOpen(image.id))}
              aria-label={selecting ? `Select ${name}` : `Open ${name}`}
              aria-pressed={selecting ? selected : undefined}
              className={cn(
                "group relative block w-full overflow-hidden bg-surface-sunken ring-1 ring-line ring-inset",
                corner,
                selected && "ring-3 ring-accent",
              )}
              style={{ aspectRatio: image.width / image.height }}
            >
              <StoredImage
                src={image.thumbnailUrl}
                alt=""
                width={image.width}
                height={image.height}
                className="size-full animate-fade-in object-cover transition-transform duration-300 group-hover:scale-[1.02]"
              />
              {selecting ? (
                <span
                  aria-hidden
                  className={cn(
                    "absolute top-2 left-2 grid size-6 place-items-center rounded-full border-2 shadow-sm transition-colors [&_svg]:size-3.5",
                    selected
                      ? "border-accent bg-accent text-accent-fg"
                      : "border-white bg-black/30 text-transparent",
                  )}
                >
                  <CheckIcon strokeWidth={3} />
                </span>
              ) : null}
            </button>
            {overlay?.(image, name)}
          </li>
        );
      })}
      {placeholders.map((placeholder) => (
        <li key={placeholder.key} aria-hidden>
          {placeholder}
        </li>
      ))}
    </ul>
  );
}
