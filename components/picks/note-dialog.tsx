"use client";

import { Dialog } from "@/components/ui/dialog";
import type { ImageView } from "@/lib/api/views";
import { NoteEditor } from "./note-editor";
import { StoredImage } from "@/components/ui/stored-image";

/** The note editor over a card or the compare view, where there is no room beside the image. */
export function NoteDialog({
  image,
  name,
  onClose,
}: {
  image: ImageView;
  name: string;
  onClose: () => void;
}) {
  return (
    <Dialog open onClose={onClose} label={`Note on ${name}`} className="w-[min(28rem,calc(100vw-2rem))]">
      <div className="grid gap-3 p-5">
        <div className="flex items-center gap-3">
          <StoredImage src={image.thumbnailUrl} alt="" className="size-12 rounded-md object-cover" />
          <h2 className="text-sm font-semibold first-letter:uppercase">Note on {name}</h2>
        </div>
        <NoteEditor image={image} onDone={onClose} />
      </div>
    </Dialog>
  );
}
