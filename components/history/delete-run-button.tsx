"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TrashIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { apiDelete } from "@/lib/http/api-client";
import { RUN_HISTORY_QUERY_KEY } from "@/lib/hooks/use-run-history";
import type { RunSummary } from "@/lib/jobs/run-view";

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
      <Button variant="secondary" size="icon-sm" aria-label={`Delete run: ${run.prompt}`} onClick={() => setConfirming(true)} className={className}>
        <TrashIcon />
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} label="Delete this run?" className="w-[min(26rem,calc(100vw-2rem))]">
        <div className="grid gap-4 p-5">
          <div className="grid gap-1.5">
            <h2 className="text-base font-semibold">Delete this run?</h2>
            <p className="line-clamp-3 text-sm text-fg-muted">“{run.prompt}”</p>
            <p className="text-xs text-fg-subtle">
              Its images are removed for good, also from any share link that shows them.
            </p>
          </div>
          {deleteRun.error ? (
            <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs text-danger">
              {deleteRun.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => deleteRun.mutate()} disabled={deleteRun.isPending}>
              {deleteRun.isPending ? <Spinner /> : <TrashIcon />}
              Delete run
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
