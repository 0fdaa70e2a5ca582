"use client";

import { Button, type ButtonSize } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useCreateRun } from "@/lib/hooks/use-create-run";
import type { RunView } from "@/lib/api/views";

interface RerunButtonProps {
  run: RunView;
  onCreated: (runId: string) => void;
  size?: ButtonSize;
}

export function RerunButton({ run, onCreated, size = "sm" }: RerunButtonProps) {
  const createRun = useCreateRun();
  const rerun = () =>
    createRun.mutate(
      {
        prompt: run.prompt,
        models: run.jobs.map((job) => ({ modelId: job.modelId, params: job.params, notes: job.notes })),
      },
      { onSuccess: (created) => onCreated(created.id) },
    );
  return (
    <Button size={size} onClick={rerun} disabled={createRun.isPending} title={createRun.error?.message}>
      {createRun.isPending ? <Spinner /> : <RefreshIcon />}
      Re-run same settings
    </Button>
  );
}
