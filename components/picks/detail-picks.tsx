"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { NoteIcon } from "@/components/ui/icons";
import type { ImageView } from "@/lib/api/views";
import { LazyNoteDialog, LazyNoteEditor } from "./lazy-picks";
import { StarToggle } from "./star-toggle";

interface DetailPicksProps {
  image: ImageView;
  name: string;
  /** `inline`: the editor opens in place (the lightbox's side panel); `dialog`: over the page (compare). */
  editor?: "inline" | "dialog";
}

/** Star, note and its editor beside a large image: the lightbox and the compare view. */
export function DetailPicks({ image, name, editor = "inline" }: DetailPicksProps) {
  const [editing, setEditing] = useState(false);
  const inline = editing && editor === "inline";
  return (
    <div role="group" aria-label={`Your pick: ${name}`} className="grid min-w-0 gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <StarToggle image={image} name={name} variant="button" />
        {inline ? null : (
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            <NoteIcon />
            {image.note ? "Edit note" : "Add note"}
            <span className="sr-only"> on {name}</span>
          </Button>
        )}
      </div>
      {inline ? (
        <LazyNoteEditor image={image} onDone={() => setEditing(false)} />
      ) : image.note ? (
        <p className="line-clamp-6 text-sm leading-relaxed whitespace-pre-wrap" title={image.note}>
          {image.note}
        </p>
      ) : null}
      {editing && editor === "dialog" ? (
        <LazyNoteDialog image={image} name={name} onClose={() => setEditing(false)} />
      ) : null}
    </div>
  );
}
