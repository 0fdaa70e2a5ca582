"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { NoteIcon } from "@/components/ui/icons";
import { StoredImage } from "@/components/ui/stored-image";
import type { PickView } from "@/lib/api/views";
import { NoteDialog } from "./note-dialog";
import { StarToggle } from "./star-toggle";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

interface PickCardProps {
  pick: PickView;
  place: number;
  count: number;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  /** Moves the pick by `delta` places, or to the first/last place. */
  onMove: (to: "earlier" | "later" | "first" | "last") => void;
  handleRef: (element: HTMLButtonElement | null) => void;
  instructionsId: string;
}

const MOVE_KEYS: Record<string, "earlier" | "later" | "first" | "last"> = {
  ArrowUp: "earlier",
  ArrowLeft: "earlier",
  ArrowDown: "later",
  ArrowRight: "later",
  Home: "first",
  End: "last",
};

/** One pick on the board: its image, where it came from, its note, and a handle to move it. */
export function PickCard({
  pick,
  place,
  count,
  selected,
  onSelect,
  onMove,
  handleRef,
  instructionsId,
}: PickCardProps) {
  const [noting, setNoting] = useState(false);
  const name = `pick ${place}: ${pick.configuration}, ${pick.prompt}`;
  return (
    <article
      aria-label={`Pick ${place} of ${count}`}
      className={cn(
        "flex h-full flex-col overflow-hidden rounded-card border border-line bg-surface shadow-card",
        selected && "ring-3 ring-accent",
      )}
    >
      <div className="group/tile relative">
        <Link href={`/runs/${encodeURIComponent(pick.runId)}`} aria-label={`Open the run of ${name}`}>
          <StoredImage
            src={pick.image.thumbnailUrl}
            alt={`${pick.configuration}: ${pick.prompt}`}
            width={pick.image.width}
            height={pick.image.height}
            className="aspect-square w-full bg-surface-muted object-contain"
            draggable={false}
          />
        </Link>
        <div className="absolute top-2 right-2">
          <StarToggle image={pick.image} name={name} />
        </div>
        <span className="absolute top-2 left-2 rounded-full bg-black/55 px-2 py-0.5 text-xs font-semibold text-white tabular-nums">
          {place}
        </span>
      </div>
      <div className="grid flex-1 content-start gap-1.5 px-3.5 pt-3 pb-2">
        <p className="text-sm font-semibold">
          {pick.configuration}
          {pick.take > 1 ? <span className="font-normal text-fg-subtle"> · take {pick.take}</span> : null}
        </p>
        <p className="line-clamp-3 text-xs text-fg-muted">{pick.prompt}</p>
        <p className="text-[11px] text-fg-subtle">{DATE.format(new Date(pick.createdAt))}</p>
        {pick.note ? (
          <p className="rounded-md bg-surface-muted px-2 py-1.5 text-xs whitespace-pre-wrap">{pick.note}</p>
        ) : null}
      </div>
      <div className="flex items-center gap-1.5 border-t border-line px-2.5 py-2">
        <label className="flex cursor-pointer items-center gap-1.5 text-xs font-medium">
          <input
            type="checkbox"
            checked={selected}
            onChange={(event) => onSelect(event.target.checked)}
            aria-label={`Select ${name}`}
            className="size-4 accent-(--color-accent)"
          />
          Select
        </label>
        <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setNoting(true)}>
          <NoteIcon />
          {pick.note ? "Edit note" : "Note"}
        </Button>
        <Button
          ref={handleRef}
          size="sm"
          variant="secondary"
          aria-label={`Move ${name} (place ${place} of ${count})`}
          aria-describedby={instructionsId}
          onKeyDown={(event) => {
            const to = MOVE_KEYS[event.key];
            if (!to) return;
            event.preventDefault();
            onMove(to);
          }}
          className="cursor-grab"
        >
          Move
        </Button>
      </div>
      {noting ? <NoteDialog image={pick.image} name={name} onClose={() => setNoting(false)} /> : null}
    </article>
  );
}
