"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ExternalIcon, ImageIcon, LinkIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useGalleries, useRevokeGallery } from "@/lib/hooks/use-galleries";
import type { GallerySummary } from "@/lib/api/views";
import { CopyLinkButton } from "./copy-link-button";

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

function RevokeButton({ gallery }: { gallery: GallerySummary }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeGallery();
  return (
    <>
      <Button
        size="sm"
        variant="danger"
        onClick={() => setConfirming(true)}
        aria-label={`Revoke link: ${gallery.title}`}
      >
        Revoke
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Revoke this link?"
        confirmLabel="Revoke link"
        onConfirm={() => revoke.mutate(gallery.slug, { onSuccess: () => setConfirming(false) })}
        pending={revoke.isPending}
        error={revoke.error}
      >
        <p className="text-sm text-fg-muted">
          Anyone opening “{gallery.title}” will get a “not found” page. Your runs and images stay.
        </p>
      </ConfirmDialog>
    </>
  );
}

export function SharedLinks() {
  const { data, error, isPending } = useGalleries();
  if (isPending) {
    return (
      <div className="flex items-center gap-2 text-fg-muted" role="status">
        <Spinner /> Loading links…
      </div>
    );
  }
  if (error) {
    return (
      <p role="alert" className="rounded-lg bg-danger-soft px-4 py-3 text-sm text-danger">
        Could not load your links: {error.message}
      </p>
    );
  }
  if (data.galleries.length === 0) {
    return (
      <div className="grid justify-items-center gap-3 rounded-card border border-dashed border-line-strong p-12 text-center">
        <LinkIcon className="size-6 text-fg-subtle" />
        <p className="font-medium">No shared links yet</p>
        <p className="max-w-sm text-sm text-fg-muted">
          Open a run and press Share, or select images across runs and share them together.
        </p>
        <Link href="/history" className={buttonClasses("primary")}>
          Go to History
        </Link>
      </div>
    );
  }
  return (
    <ul aria-label="Shared links" className="grid gap-2">
      {data.galleries.map((gallery) => {
        const path = `/g/${gallery.slug}`;
        return (
          <li
            key={gallery.slug}
            className="flex flex-wrap items-center gap-4 rounded-card border border-line bg-surface p-3 shadow-card"
          >
            <div className="grid size-14 shrink-0 place-items-center overflow-hidden rounded-lg bg-surface-sunken text-fg-subtle">
              {gallery.thumbnailUrl ? (
                // eslint-disable-next-line @next/next/no-img-element
                <img src={gallery.thumbnailUrl} alt="" className="size-full object-cover" />
              ) : (
                <ImageIcon className="size-5" />
              )}
            </div>
            <div className="grid min-w-0 flex-1 gap-0.5">
              <p className="truncate font-medium">{gallery.title}</p>
              <p className="text-xs text-fg-subtle">
                {gallery.imageCount} {gallery.imageCount === 1 ? "image" : "images"} · shared{" "}
                {DATE.format(new Date(gallery.createdAt))}
              </p>
            </div>
            <div className="flex flex-wrap gap-2">
              <Link href={path} target="_blank" rel="noreferrer" className={buttonClasses("ghost", "sm")}>
                <ExternalIcon />
                Open
              </Link>
              <CopyLinkButton url={path} size="sm" />
              <RevokeButton gallery={gallery} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
