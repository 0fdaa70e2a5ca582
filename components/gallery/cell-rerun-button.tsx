"use client";

import { Button } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { JobView } from "@/lib/api/views";
import { useJobAction } from "@/lib/hooks/use-job-action";

const NOTE = "order-last col-span-full basis-full rounded-lg px-3 py-2 text-xs font-medium";

/**
 * "Re-run" beside one image: another take of that image's cell (same prompt, configuration and
 * seed rule), never the whole run. The new take shows in the matrix while the lightbox stays open.
 */
export function CellRerunButton({
  job,
  runId,
  onCreated,
}: {
  job: JobView;
  runId: string;
  onCreated: () => void;
}) {
  const rerun = useJobAction(runId, "rerun");
  const label = "Re-run this cell (another take)";
  return (
    <>
      <Button
        size="sm"
        onClick={() => !rerun.isPending && rerun.mutate(job.id, { onSuccess: onCreated })}
        aria-disabled={rerun.isPending || undefined}
        aria-label={label}
        title={label}
      >
        {rerun.isPending ? <Spinner /> : <RefreshIcon />}
        Re-run
      </Button>
      {rerun.error ? (
        <p role="alert" className={`${NOTE} bg-danger-soft text-danger`}>
          {rerun.error.message}
        </p>
      ) : rerun.data ? (
        <p role="status" className={`${NOTE} bg-surface-muted text-fg-muted`}>
          Take {rerun.data.job.take} of this cell is on its way: the matrix shows it.
        </p>
      ) : null}
    </>
  );
}
