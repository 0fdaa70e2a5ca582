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
    !createRun.isPending &&
    createRun.mutate(
      {
        prompts: run.prompts,
        models: run.configs.map((config) => ({
          modelId: config.modelId,
          params: config.params,
          notes: config.notes,
          label: config.label,
        })),
        seed: run.seed,
      },
      { onSuccess: (created) => onCreated(created.id) },
    );
  return (
    <>
      <Button
        size={size}
        onClick={rerun}
        aria-disabled={createRun.isPending || undefined}
        aria-label="Re-run same settings"
        title="Re-run same settings"
      >
        {createRun.isPending ? <Spinner /> : <RefreshIcon />}
        Re-run
      </Button>
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
