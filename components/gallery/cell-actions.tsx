"use client";

import { Button } from "@/components/ui/button";
import { CloseIcon, RefreshIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { JobView } from "@/lib/api/views";
import { useJobAction } from "@/lib/hooks/use-job-action";
import { isTerminal } from "@/lib/models/job-status";
import { CopyCodeButton } from "./copy-code-button";

interface CellActionsProps {
  job: JobView;
  runId: string;
  /** Icons only, names in the tooltip and the accessible name. */
  compact?: boolean;
  /** The new take exists: the cell should show it. */
  onNewTake: () => void;
}

/** Retry (failed or canceled), Another take (succeeded) or Cancel (queued or running), and Copy as code. */
export function CellActions({ job, runId, compact = false, onNewTake }: CellActionsProps) {
  const rerun = useJobAction(runId, "rerun");
  const cancel = useJobAction(runId, "cancel");
  const inProgress = !isTerminal(job.status);
  const action = inProgress ? cancel : rerun;
  const label = inProgress ? "Cancel" : job.status === "succeeded" ? "Another take" : "Retry";
  const run = () => {
    if (action.isPending) return;
    rerun.reset();
    cancel.reset();
    action.mutate(job.id, { onSuccess: () => (inProgress ? undefined : onNewTake()) });
  };
  const icon = action.isPending ? <Spinner /> : inProgress ? <CloseIcon /> : <RefreshIcon />;
  const error = rerun.error ?? cancel.error;

  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <Button
        size={compact ? "icon-sm" : "sm"}
        variant={inProgress ? "ghost" : "secondary"}
        onClick={run}
        aria-disabled={action.isPending || undefined}
        aria-label={compact ? label : undefined}
        title={label}
      >
        {icon}
        {compact ? null : label}
      </Button>
      <CopyCodeButton
        path={`/api/jobs/${encodeURIComponent(job.id)}/code`}
        title="The request this job sent to the provider"
        compact={compact}
      />
      {error ? (
        <p role="alert" className="basis-full rounded-md bg-danger-soft px-2 py-1 text-[11px] text-danger">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
