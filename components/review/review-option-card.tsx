"use client";

import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { CheckIcon } from "@/components/ui/icons";
import type { ImageTally, ReviewOption } from "@/lib/api/review-views";
import type { ParamLabel } from "@/lib/labels/params";
import { TallyBar } from "./tally-bar";
import { StoredImage } from "@/components/ui/stored-image";

interface ReviewOptionCardProps {
  option: ReviewOption;
  /** Its place in the prompt's row, for the number keys. */
  column: number;
  /** The radio group: one per prompt. */
  group: string;
  checked: boolean;
  onPick: () => void;
  onView: () => void;
  /** The model and configuration, where the page may show them (open review, or blind once revealed). */
  modelName?: string;
  params: ParamLabel[];
  /** This image's share of this prompt's picks, once revealed. */
  tally?: { image: ImageTally; ballots: number };
  /** The shape a blind prompt's renditions share (they carry no size of their own). */
  aspectRatio?: number;
  /** Voting is closed: the card shows, but cannot be picked. */
  disabled?: boolean;
}

/** One image a reviewer can pick: a radio card, so arrow keys move between a prompt's images. */
export function ReviewOptionCard(props: ReviewOptionCardProps) {
  const { option, checked, modelName, params, tally } = props;
  const { image } = option;
  const title = `Image ${option.label}`;
  return (
    <div className="relative h-full" data-column={props.column}>
      <label
        className={cn(
          "flex h-full cursor-pointer flex-col overflow-hidden rounded-card border bg-surface shadow-card transition-colors",
          "has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent/60",
          checked ? "border-accent ring-3 ring-accent" : "border-line hover:border-line-strong",
        )}
      >
        <input
          type="radio"
          name={props.group}
          value={image.id}
          checked={checked}
          disabled={props.disabled}
          onChange={props.onPick}
          aria-label={modelName ? `${title}: ${modelName}` : title}
          className="sr-only"
        />
        <span
          className="block bg-surface-sunken"
          style={{
            aspectRatio: props.aspectRatio ?? (image.width && image.height ? image.width / image.height : 1),
          }}
        >
          <StoredImage
            src={image.thumbnailUrl}
            alt={title}
            width={image.width}
            height={image.height}
            className="size-full animate-fade-in object-contain"
          />
        </span>
        <span className="flex items-center justify-between gap-2 px-3.5 pt-3">
          <span className="min-w-0">
            <span className="block text-sm font-semibold">{title}</span>
            {modelName ? <span className="block truncate text-xs text-fg-muted">{modelName}</span> : null}
          </span>
          {checked ? (
            <Badge tone="accent" className="[&_svg]:size-3">
              <CheckIcon strokeWidth={3} />
              Your pick
            </Badge>
          ) : (
            <span className="text-xs text-fg-subtle">{props.disabled ? "" : "Click to pick"}</span>
          )}
        </span>
        {image.starred || image.note ? (
          <span className="px-3.5 pt-2 text-xs text-fg-muted">
            {image.starred ? <span className="text-warning">★ Owner&apos;s pick </span> : null}
            {image.note ? <span className="whitespace-pre-wrap text-fg">{image.note}</span> : null}
          </span>
        ) : null}
        {params.length > 0 ? (
          <span className="flex flex-wrap gap-1.5 px-3.5 pt-2.5">
            {params.map((param) => (
              <span key={param.key} className="rounded-md bg-surface-muted px-1.5 py-0.5 text-[11px]">
                <span className="text-fg-subtle">{param.title}</span> {param.value}
              </span>
            ))}
          </span>
        ) : null}
        <span className="mt-auto block px-3.5 pt-3 pb-3.5">
          {tally ? (
            <TallyBar
              label={modelName ?? title}
              picks={tally.image.picks}
              ballots={tally.ballots}
              winRate={tally.image.winRate}
            />
          ) : null}
        </span>
      </label>
      <button
        type="button"
        onClick={props.onView}
        aria-label={`View ${title} larger`}
        className="absolute top-2 right-2 grid size-8 place-items-center rounded-lg bg-black/45 text-white shadow-sm backdrop-blur-sm transition-colors hover:bg-black/65"
      >
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          className="size-4"
          aria-hidden
        >
          <path d="M15 3h6v6M9 21H3v-6M21 3l-7 7M3 21l7-7" />
        </svg>
      </button>
    </div>
  );
}
