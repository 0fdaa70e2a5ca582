"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { ExternalIcon, ImageIcon } from "@/components/ui/icons";
import type { GallerySummary } from "@/lib/api/views";
import { useNow } from "@/lib/hooks/use-now";
import { CopyLinkButton } from "./copy-link-button";
import { RevokeButton } from "./revoke-button";
import { StoredImage } from "@/components/ui/stored-image";

const EditLinkDialog = dynamic(() => import("./edit-link-dialog").then((module) => module.EditLinkDialog), {
  ssr: false,
});

const DATE = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const DAY = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

function reviewLabel(review: NonNullable<GallerySummary["review"]>): string {
  const mode = review.blind ? "Blind review" : "Review";
  const votes = `${review.ballots} ${review.ballots === 1 ? "ballot" : "ballots"}`;
  return `${mode}${review.revealed ? " · revealed" : ""} · ${votes}`;
}

/** One shared link: what it is, how it is shared, and what the owner can do with it. */
export function SharedLinkItem({ gallery }: { gallery: GallerySummary }) {
  const [editing, setEditing] = useState(false);
  const slug = encodeURIComponent(gallery.slug);
  const now = useNow(false);
  const expired = gallery.expiresAt !== null && Date.parse(gallery.expiresAt) <= now;
  return (
    <li
      aria-label={gallery.title}
      className="flex flex-wrap items-center gap-4 rounded-card border border-line bg-surface p-3 shadow-card"
    >
      <div className="grid size-14 shrink-0 place-items-center overflow-hidden rounded-lg bg-surface-sunken text-fg-subtle">
        {gallery.thumbnailUrl ? (
          <StoredImage src={gallery.thumbnailUrl} alt="" className="size-full object-cover" />
        ) : (
          <ImageIcon className="size-5" />
        )}
      </div>
      <div className="grid min-w-0 flex-1 gap-1">
        <p className="truncate font-medium">{gallery.title}</p>
        <p className="text-xs text-fg-subtle">
          {gallery.imageCount} {gallery.imageCount === 1 ? "image" : "images"} · shared{" "}
          {DATE.format(new Date(gallery.createdAt))}
        </p>
        <div className="flex flex-wrap gap-1.5">
          {gallery.review ? <Badge tone="accent">{reviewLabel(gallery.review)}</Badge> : null}
          {gallery.expiresAt ? (
            <Badge tone={expired ? "danger" : "neutral"}>
              {expired ? "Expired" : `Expires ${DAY.format(new Date(gallery.expiresAt))}`}
            </Badge>
          ) : null}
          {gallery.hideNotes ? <Badge>Notes hidden</Badge> : null}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Link href={`/g/${slug}`} target="_blank" rel="noreferrer" className={buttonClasses("ghost", "sm")}>
          <ExternalIcon />
          Open
        </Link>
        {gallery.review ? (
          <Link href={`/shared/${slug}/results`} className={buttonClasses("secondary", "sm")}>
            Results
          </Link>
        ) : null}
        <Button size="sm" onClick={() => setEditing(true)} aria-label={`Edit link: ${gallery.title}`}>
          Edit
        </Button>
        <CopyLinkButton url={`/g/${slug}`} size="sm" />
        <RevokeButton gallery={gallery} />
      </div>
      {editing ? <EditLinkDialog gallery={gallery} onClose={() => setEditing(false)} /> : null}
    </li>
  );
}
