"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { NoteIcon } from "@/components/ui/icons";
import type { ImageView } from "@/lib/api/views";
import { LazyNoteDialog } from "./lazy-picks";
import { HOVER_REVEAL, OVERLAY_CHIP, StarToggle } from "./star-toggle";

/**
 * Star and note on a thumbnail, top right. A starred or annotated image shows its chip all the time,
 * the others on hover or focus (always on touch screens). `dense` (the contact sheet): the star only,
 * and so is a thumbnail too narrow for two chips.
 */
export function ImagePicks({
  image,
  name,
  dense = false,
}: {
  image: ImageView;
  name: string;
  dense?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <div className={cn("absolute flex gap-1.5", dense ? "top-1 right-1" : "top-2 right-2")}>
      {dense ? null : (
        <button
          type="button"
          aria-label={`Note on ${name}`}
          title={image.note ?? "Add a note"}
          onClick={() => setEditing(true)}
          // On a thumbnail narrower than this the chip would sit over the middle, where people click to
          // open the image; the lightbox has the note there.
          className={cn(
            OVERLAY_CHIP,
            "size-8 @max-[11rem]/tile:hidden [&_svg]:size-4",
            !image.note && HOVER_REVEAL,
          )}
        >
          <NoteIcon />
        </button>
      )}
      <StarToggle image={image} name={name} variant={dense ? "dense" : "overlay"} />
      {editing ? <LazyNoteDialog image={image} name={name} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
