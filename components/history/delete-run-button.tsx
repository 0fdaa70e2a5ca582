"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TrashIcon } from "@/components/ui/icons";
import { apiDelete } from "@/lib/http/api-client";
import { RUN_HISTORY_QUERY_KEY } from "@/lib/hooks/use-run-history";
import type { RunSummary } from "@/lib/api/views";

export function DeleteRunButton({ run, className }: { run: RunSummary; className?: string }) {
  const [confirming, setConfirming] = useState(false);
  const queryClient = useQueryClient();
  const deleteRun = useMutation({
    mutationFn: () => apiDelete(`/api/runs/${encodeURIComponent(run.id)}`),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: RUN_HISTORY_QUERY_KEY });
    },
  });

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
        onConfirm={() => deleteRun.mutate()}
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
