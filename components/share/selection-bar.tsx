"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { CloseIcon, ShareIcon } from "@/components/ui/icons";
import { MAX_COMPARED_IMAGES } from "@/lib/models/run-limits";
import { selectionActions, useImageSelection } from "@/lib/hooks/use-image-selection";
import { LazyShareDialog } from "./lazy-share-dialog";

function describe(images: number, runs: number): string {
  const parts = [
    images > 0 ? `${images} ${images === 1 ? "image" : "images"}` : null,
    runs > 0 ? `${runs} ${runs === 1 ? "run" : "runs"}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" and ") : "Nothing";
}

/** Floats at the bottom while selecting: what is picked, and "Share selected". */
export function SelectionBar() {
  const selection = useImageSelection();
  const [sharing, setSharing] = useState(false);
  const count = selection.imageIds.length + selection.runIds.length;
  // Stays while the dialog shows the new link, though creating it emptied the selection.
  if (!selection.active && count === 0 && !sharing) return null;
  const canCompare =
    selection.runIds.length === 0 &&
    selection.imageIds.length >= 2 &&
    selection.imageIds.length <= MAX_COMPARED_IMAGES;
  const summary = `${describe(selection.imageIds.length, selection.runIds.length)} selected`;

  return (
    <div
      role="region"
      aria-label="Selection"
      className="fixed inset-x-0 bottom-4 z-40 flex justify-center px-4"
    >
      <div className="flex items-center gap-2 rounded-2xl border border-line bg-surface/95 py-2 pr-2 pl-4 shadow-pop backdrop-blur-md">
        <p className="text-sm font-medium tabular-nums" aria-live="polite">
          {summary}
        </p>
        <span className="hidden text-xs text-fg-subtle sm:inline">
          · pick images on run pages, whole runs in History
        </span>
        <Button size="sm" variant="ghost" onClick={selectionActions.clear}>
          <CloseIcon />
          {count > 0 ? "Clear" : "Done"}
        </Button>
        {canCompare ? (
          <Link
            href={`/compare?images=${selection.imageIds.map(encodeURIComponent).join(",")}`}
            className={buttonClasses("secondary", "sm")}
          >
            Compare
          </Link>
        ) : null}
        <Button size="sm" variant="primary" disabled={count === 0} onClick={() => setSharing(true)}>
          <ShareIcon />
          Share selected
        </Button>
      </div>
      {sharing ? (
        <LazyShareDialog
          open
          onClose={() => setSharing(false)}
          selection={{ imageIds: selection.imageIds, runIds: selection.runIds }}
          summary={`Share ${describe(selection.imageIds.length, selection.runIds.length)} as one public gallery.`}
          defaultTitle=""
          onCreated={selectionActions.clear}
        />
      ) : null}
    </div>
  );
}
