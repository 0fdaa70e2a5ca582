"use client";

import { useId } from "react";
import { Input, Textarea } from "@/components/ui/input";
import { GALLERY_NOTE_MAX, GALLERY_TITLE_MAX } from "@/lib/api/gallery-limits";

export interface LinkText {
  title: string;
  note: string;
}

/** The title and note of a share link, as the share and edit dialogs ask for them. */
export function LinkTextFields({
  value,
  onChange,
  notePlaceholder,
}: {
  value: LinkText;
  onChange: (value: LinkText) => void;
  notePlaceholder?: string;
}) {
  const titleId = useId();
  const noteId = useId();
  return (
    <>
      <div className="grid gap-1.5">
        <label htmlFor={titleId} className="text-xs font-medium text-fg-muted">
          Title
        </label>
        <Input
          id={titleId}
          value={value.title}
          maxLength={GALLERY_TITLE_MAX}
          onChange={(event) => onChange({ ...value, title: event.target.value })}
        />
      </div>
      <div className="grid gap-1.5">
        <label htmlFor={noteId} className="text-xs font-medium text-fg-muted">
          Note <span className="text-fg-subtle">(optional)</span>
        </label>
        <Textarea
          id={noteId}
          rows={3}
          maxLength={GALLERY_NOTE_MAX}
          value={value.note}
          onChange={(event) => onChange({ ...value, note: event.target.value })}
          placeholder={notePlaceholder}
        />
      </div>
    </>
  );
}
