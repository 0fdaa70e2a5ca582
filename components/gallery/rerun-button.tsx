"use client";

import { useState } from "react";
import { Button, type ButtonSize } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { DialogFooter } from "@/components/ui/dialog-footer";
import { RefreshIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useCreateRun } from "@/lib/hooks/use-create-run";
import type { RunView } from "@/lib/api/views";
import { estimatedTotal } from "@/lib/labels/cost";
import { nextRunSize, plural } from "@/lib/labels/run-size";
import { rerunBody } from "./rerun-body";

interface RerunButtonProps {
  run: RunView;
  onCreated: (runId: string) => void;
  size?: ButtonSize;
}

/** What a new run of the same settings costs: each cell's first take, as estimated when it was made. */
function rerunEstimate(run: RunView): string {
  const firstTakes = run.jobs.filter((job) => job.take === 1);
  return estimatedTotal(firstTakes.map((job) => (job.costAssumed ? null : job.estimatedCostUsd)));
}

/**
 * Re-runs the whole run with the same settings, after asking: a new run of every cell costs money,
 * so the dialog says how many jobs it starts and what they are estimated to cost.
 */
export function RerunButton({ run, onCreated, size = "sm" }: RerunButtonProps) {
  const createRun = useCreateRun();
  const [asking, setAsking] = useState(false);
  const jobCount = run.prompts.length * run.configs.length;
  const estimate = rerunEstimate(run);
  const rerun = () => {
    setAsking(false);
    if (createRun.isPending) return;
    createRun.mutate(rerunBody(run), { onSuccess: (created) => onCreated(created.id) });
  };
  return (
    <>
      <Button
        size={size}
        onClick={() => !createRun.isPending && setAsking(true)}
        aria-disabled={createRun.isPending || undefined}
        aria-haspopup="dialog"
        aria-label="Re-run same settings"
        title="Re-run same settings"
      >
        {createRun.isPending ? <Spinner /> : <RefreshIcon />}
        Re-run
      </Button>
      <Dialog
        open={asking}
        onClose={() => setAsking(false)}
        label="Re-run the whole run?"
        className="w-[min(26rem,calc(100vw-2rem))]"
      >
        <div className="grid gap-4 p-5">
          <div className="grid gap-1.5">
            <h2 className="text-base font-semibold">Re-run the whole run?</h2>
            <p className="text-sm text-fg-muted">
              A new run with the same settings: {nextRunSize(run.prompts.length, run.configs.length)}
              {run.prompts.length > 1 ? "" : ` · ${plural(jobCount, "job")}`}
              {estimate ? ` · ${estimate}` : ""}.
            </p>
            <p className="text-xs text-fg-subtle">To try one image again, use Another take on its cell.</p>
          </div>
          <DialogFooter
            onCancel={() => setAsking(false)}
            actionLabel={`Re-run ${plural(jobCount, "job")}`}
            actionIcon={<RefreshIcon />}
            onAction={rerun}
          />
        </div>
      </Dialog>
      {createRun.error ? (
        <p
          role="alert"
          className="order-last col-span-full basis-full rounded-lg bg-danger-soft px-3 py-2 text-xs font-medium text-danger"
        >
          {createRun.error.message}
        </p>
      ) : null}
    </>
  );
}
