"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import type { PatchGalleryBody } from "@/lib/api/gallery-requests";
import type { GallerySummary } from "@/lib/api/views";
import { errorText } from "@/lib/http/api-client";
import { useUpdateGallery } from "@/lib/hooks/use-galleries";
import { dateFromExpiry, expiryFromDate, today } from "./expiry";
import { LinkTextFields } from "./link-text-fields";
import { DialogFooter } from "@/components/ui/dialog-footer";

/** Title, note, expiry and notes shown of a link that is already out; only what changed is sent. */
export function EditLinkDialog({ gallery, onClose }: { gallery: GallerySummary; onClose: () => void }) {
  const update = useUpdateGallery(gallery.slug);
  const initialExpiry = dateFromExpiry(gallery.expiresAt);
  const [text, setText] = useState({ title: gallery.title, note: gallery.note ?? "" });
  const [expiresOn, setExpiresOn] = useState(initialExpiry);
  const [hideNotes, setHideNotes] = useState(gallery.hideNotes);
  const ids = { expiry: useId(), hideNotes: useId() };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body: PatchGalleryBody = {};
    if (text.title.trim() !== gallery.title) body.title = text.title;
    if (text.note.trim() !== (gallery.note ?? "")) body.note = text.note;
    // An expired link keeps its past date unless it changes: the server takes future dates only.
    if (expiresOn !== initialExpiry) body.expiresAt = expiryFromDate(expiresOn);
    if (hideNotes !== gallery.hideNotes) body.hideNotes = hideNotes;
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(body, { onSuccess: onClose });
  };

  return (
    <Dialog open onClose={onClose} label="Edit link" className="w-[min(32rem,calc(100vw-2rem))]">
      <form onSubmit={submit} className="grid max-h-[calc(100dvh-2rem)] gap-4 overflow-y-auto p-5 sm:p-6">
        <div>
          <h2 className="text-base font-semibold">Edit link</h2>
          <p className="text-xs text-fg-muted">The link stays the same; visitors see the changes at once.</p>
        </div>
        <LinkTextFields value={text} onChange={setText} />
        <div className="grid gap-1.5">
          <label htmlFor={ids.expiry} className="text-xs font-medium text-fg-muted">
            Expires on <span className="text-fg-subtle">(empty: never)</span>
          </label>
          <div className="flex gap-2">
            <Input
              id={ids.expiry}
              type="date"
              min={today()}
              value={expiresOn}
              onChange={(event) => setExpiresOn(event.target.value)}
              className="w-44"
            />
            <Button variant="ghost" onClick={() => setExpiresOn("")} disabled={!expiresOn}>
              No expiry
            </Button>
          </div>
        </div>
        <div className="flex items-center justify-between gap-4">
          <label htmlFor={ids.hideNotes} className="text-sm font-medium">
            Hide my notes on images
          </label>
          <Switch
            id={ids.hideNotes}
            checked={hideNotes}
            onChange={(event) => setHideNotes(event.target.checked)}
          />
        </div>
        {update.error ? (
          <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs text-danger">
            {errorText(update.error)}
          </p>
        ) : null}
        <DialogFooter onCancel={onClose} actionLabel="Save" pending={update.isPending} />
      </form>
    </Dialog>
  );
}
