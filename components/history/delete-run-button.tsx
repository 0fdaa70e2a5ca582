"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TrashIcon } from "@/components/ui/icons";
import { useDeleteRun } from "@/lib/hooks/use-delete-run";
import type { RunSummary } from "@/lib/api/views";

export function DeleteRunButton({ run, className }: { run: RunSummary; className?: string }) {
  const [confirming, setConfirming] = useState(false);
  const deleteRun = useDeleteRun();

  return (
    <>
      <Button
        variant="secondary"
        size="icon-sm"
        aria-label={`Delete run: ${run.prompt}`}
        onClick={() => setConfirming(true)}
        className={className}
      >
        <TrashIcon />
      </Button>
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Delete this run?"
        confirmLabel="Delete run"
        confirmIcon={<TrashIcon />}
        onConfirm={() => deleteRun.mutate(run.id, { onSuccess: () => setConfirming(false) })}
        pending={deleteRun.isPending}
        error={deleteRun.error}
      >
        <p className="line-clamp-3 text-sm text-fg-muted">“{run.prompt}”</p>
        <p className="text-xs text-fg-subtle">
          Its images are removed for good, also from any share link that shows them.
        </p>
      </ConfirmDialog>
    </>
  );
}
