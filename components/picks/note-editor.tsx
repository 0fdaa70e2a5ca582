"use client";

import { useId, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/input";
import { IMAGE_NOTE_MAX_LENGTH } from "@/lib/api/image-requests";
import type { ImageView } from "@/lib/api/views";
import { errorText } from "@/lib/http/api-client";
import { useAnnotateImage } from "@/lib/hooks/use-annotate-image";
import { DialogFooter } from "@/components/ui/dialog-footer";

const COUNT = new Intl.NumberFormat("en-US");

/**
 * The owner's note on one image. The server owns the limit: a note that is too long is sent and its
 * refusal shown, while the counter says how far over it is.
 */
export function NoteEditor({ image, onDone }: { image: ImageView; onDone: () => void }) {
  const annotate = useAnnotateImage();
  const [text, setText] = useState(image.note ?? "");
  const ids = { field: useId(), count: useId(), error: useId() };
  const over = text.length > IMAGE_NOTE_MAX_LENGTH;
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    annotate.mutate({ imageId: image.id, patch: { note: text } }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={save} className="grid gap-2">
      <label htmlFor={ids.field} className="sr-only">
        Note
      </label>
      <Textarea
        id={ids.field}
        rows={4}
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="Why this one? What to fix?"
        aria-describedby={`${ids.count}${annotate.error ? ` ${ids.error}` : ""}`}
        aria-invalid={over || Boolean(annotate.error)}
      />
      <p
        id={ids.count}
        className={cn("text-right text-[11px] tabular-nums text-fg-subtle", over && "text-danger")}
      >
        {COUNT.format(text.length)} / {COUNT.format(IMAGE_NOTE_MAX_LENGTH)}
      </p>
      {annotate.error ? (
        <p id={ids.error} role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs text-danger">
          {errorText(annotate.error)}
        </p>
      ) : null}
      <DialogFooter size="sm" onCancel={onDone} actionLabel="Save note" pending={annotate.isPending} />
    </form>
  );
}
