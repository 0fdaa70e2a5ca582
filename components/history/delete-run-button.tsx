"use client";

import { ConfirmButton } from "@/components/ui/confirm-button";
import { TrashIcon } from "@/components/ui/icons";
import { useDeleteRun } from "@/lib/hooks/use-delete-run";
import type { RunSummary } from "@/lib/api/views";

export function DeleteRunButton({ run, className }: { run: RunSummary; className?: string }) {
  const deleteRun = useDeleteRun();
  return (
    <ConfirmButton
      button={{
        variant: "secondary",
        size: "icon-sm",
        "aria-label": `Delete run: ${run.prompt}`,
        className,
        children: <TrashIcon />,
      }}
      title="Delete this run?"
      confirmLabel="Delete run"
      confirmIcon={<TrashIcon />}
      onConfirm={(close) => deleteRun.mutate(run.id, { onSuccess: close })}
      pending={deleteRun.isPending}
      error={deleteRun.error}
    >
      <p className="line-clamp-3 text-sm text-fg-muted">“{run.prompt}”</p>
      <p className="text-xs text-fg-subtle">
        Its images are removed for good, also from any share link that shows them.
      </p>
    </ConfirmButton>
  );
}
