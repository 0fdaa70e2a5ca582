"use client";

import { useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { CheckIcon, DownloadIcon, ShareIcon } from "@/components/ui/icons";
import { selectionActions, useImageSelection } from "@/lib/hooks/use-image-selection";
import { useRun } from "@/lib/hooks/use-run";
import { LazyShareDialog } from "./lazy-share-dialog";
import { ShareStarredButton } from "./share-starred-button";

/**
 * Share, download and select, for one run's page; share and download only where there is no
 * selection bar (`selectable` false: the playground's result).
 */
export function RunShareActions({ runId, selectable = true }: { runId: string; selectable?: boolean }) {
  const { data: run } = useRun(runId);
  const selection = useImageSelection();
  const [sharing, setSharing] = useState(false);
  const imageCount = run?.jobs.reduce((total, job) => total + job.images.length, 0) ?? 0;
  const disabled = imageCount === 0;
  const starred =
    run?.jobs.flatMap((job) => job.images.filter((image) => image.starred).map((image) => image.id)) ?? [];

  return (
    <div className="flex flex-wrap items-center gap-2">
      {selectable ? (
        <Button
          size="sm"
          variant="ghost"
          aria-pressed={selection.active}
          className="aria-pressed:border-accent/40 aria-pressed:bg-accent-soft aria-pressed:text-accent-strong"
          onClick={() => selectionActions.setActive(!selection.active)}
          disabled={disabled}
        >
          {selection.active ? <CheckIcon /> : null}
          {selection.active ? "Selecting" : "Select images"}
        </Button>
      ) : null}
      {disabled ? (
        <Button size="sm" disabled>
          <DownloadIcon />
          Download ZIP
        </Button>
      ) : (
        <a
          href={`/api/runs/${encodeURIComponent(runId)}/download`}
          download
          className={buttonClasses("secondary", "sm")}
        >
          <DownloadIcon />
          Download ZIP
        </a>
      )}
      {starred.length > 0 && run ? (
        <ShareStarredButton
          collect={() => starred}
          count={starred.length}
          defaultTitle={run.prompt.slice(0, 120)}
        />
      ) : null}
      <Button size="sm" variant="primary" onClick={() => setSharing(true)} disabled={disabled}>
        <ShareIcon />
        Share
      </Button>
      {sharing && run ? (
        <LazyShareDialog
          open
          onClose={() => setSharing(false)}
          selection={{ runIds: [run.id] }}
          summary={`Share all ${imageCount} ${imageCount === 1 ? "image" : "images"} of this run as a public, read-only page.`}
          defaultTitle={run.prompt.slice(0, 120)}
        />
      ) : null}
    </div>
  );
}
