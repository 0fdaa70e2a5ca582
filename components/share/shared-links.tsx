"use client";

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { LinkIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useGalleries } from "@/lib/hooks/use-galleries";
import { SharedLinkItem } from "./shared-link-item";

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
      {data.galleries.map((gallery) => (
        <SharedLinkItem key={gallery.slug} gallery={gallery} />
      ))}
    </ul>
  );
}
