"use client";

import { useMemo } from "react";
import { AlertIcon } from "@/components/ui/icons";
import { useModels } from "@/lib/hooks/use-models";
import { findModel } from "@/lib/models";
import type { PickableModel } from "./model-picker";
import { PlaygroundSkeleton } from "./playground-skeleton";
import { PlaygroundWorkspace } from "./playground-workspace";

export function Playground() {
  const { data, error } = useModels();
  const models = useMemo<PickableModel[]>(
    () =>
      (data?.models ?? []).flatMap((view) => {
        const model = findModel(view.id);
        return model ? [{ view, model }] : [];
      }),
    [data],
  );

  if (error) {
    return (
      <div role="alert" className="mx-auto mt-10 flex max-w-lg items-start gap-3 rounded-card border border-danger/25 bg-danger-soft p-5 text-danger">
        <AlertIcon className="mt-0.5 size-5 shrink-0" />
        <div>
          <p className="font-semibold">Could not load the models</p>
          <p className="text-fg">{error.message}</p>
        </div>
      </div>
    );
  }
  if (!data) return <PlaygroundSkeleton />;
  return <PlaygroundWorkspace models={models} />;
}
