"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CloseIcon, ExternalIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { errorText } from "@/lib/http/api-client";
import type { CreateGalleryBody } from "@/lib/api/gallery-requests";
import { useCreateGallery } from "@/lib/hooks/use-galleries";
import { CopyLinkButton } from "./copy-link-button";
import { expiryFromDate } from "./expiry";
import { LinkTextFields } from "./link-text-fields";
import { DEFAULT_SHARE_OPTIONS, ShareOptions } from "./share-options";
import { DialogFooter } from "@/components/ui/dialog-footer";

interface ShareDialogProps {
  open: boolean;
  onClose: () => void;
  selection: Pick<CreateGalleryBody, "runIds" | "imageIds">;
  /** What the dialog says it shares, e.g. "3 images from 2 runs". */
  summary: string;
  defaultTitle: string;
  onCreated?: () => void;
}

function createdHint(review: boolean): string {
  return review
    ? "Anyone with the link can pick a favourite per prompt. See the results under Shared links."
    : "Anyone with the link can view these images. You can revoke it any time.";
}

export function ShareDialog({
  open,
  onClose,
  selection,
  summary,
  defaultTitle,
  onCreated,
}: ShareDialogProps) {
  const createGallery = useCreateGallery();
  const [text, setText] = useState({ title: defaultTitle, note: "" });
  const [options, setOptions] = useState(DEFAULT_SHARE_OPTIONS);
  const linkId = useId();
  const created = createGallery.data;
  const absoluteUrl =
    created && typeof window !== "undefined" ? new URL(created.url, window.location.origin).href : "";

  const close = () => {
    createGallery.reset();
    setText((current) => ({ ...current, note: "" }));
    setOptions(DEFAULT_SHARE_OPTIONS);
    onClose();
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    createGallery.mutate(
      {
        ...selection,
        title: text.title.trim() || undefined,
        note: text.note.trim() || undefined,
        review: options.review ? { blind: options.blind } : undefined,
        hideNotes: options.hideNotes,
        expiresAt: expiryFromDate(options.expiresOn) ?? undefined,
      },
      { onSuccess: () => onCreated?.() },
    );
  };

  return (
    <Dialog open={open} onClose={close} label="Share" className="w-[min(32rem,calc(100vw-2rem))]">
      <div className="grid max-h-[calc(100dvh-2rem)] gap-5 overflow-y-auto p-5 sm:p-6">
        <div className="flex items-start justify-between gap-3">
          <div>
            <h2 className="text-base font-semibold">{created ? "Your link is ready" : "Share a gallery"}</h2>
            <p className="text-xs text-fg-muted">{created ? createdHint(options.review) : summary}</p>
          </div>
          <Button variant="ghost" size="icon-sm" aria-label="Close" onClick={close}>
            <CloseIcon />
          </Button>
        </div>

        {created ? (
          <div className="grid gap-3">
            <label htmlFor={linkId} className="text-xs font-medium text-fg-muted">
              Share link
            </label>
            <Input
              id={linkId}
              readOnly
              value={absoluteUrl}
              onFocus={(event) => event.currentTarget.select()}
              className="font-mono text-xs"
            />
            <div className="flex flex-wrap justify-end gap-2">
              <Link href={created.url} target="_blank" rel="noreferrer" className={buttonClasses("ghost")}>
                <ExternalIcon />
                Open
              </Link>
              {options.review ? (
                <Link
                  href={`/shared/${encodeURIComponent(created.slug)}/results`}
                  className={buttonClasses("ghost")}
                >
                  Results
                </Link>
              ) : null}
              <CopyLinkButton url={created.url} variant="primary" />
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="grid gap-4">
            <LinkTextFields
              value={text}
              onChange={setText}
              notePlaceholder="What should the viewer look at?"
            />
            <ShareOptions value={options} onChange={setOptions} />
            {createGallery.error ? (
              <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs text-danger">
                {errorText(createGallery.error)}
              </p>
            ) : null}
            <DialogFooter onCancel={close} actionLabel="Create link" pending={createGallery.isPending} />
          </form>
        )}
      </div>
    </Dialog>
  );
}
