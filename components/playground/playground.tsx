"use client";

import { useEffect, useState } from "react";
import { AlertIcon } from "@/components/ui/icons";
import { useModels } from "@/lib/hooks/use-models";
import { loadWorkspaceAfterLoad } from "./load-workspace";
import { PlaygroundSkeleton } from "./playground-skeleton";
import type { PlaygroundWorkspace } from "./playground-workspace";

export function Playground() {
  const { data, error } = useModels();
  // Held in an object: useState would call a component stored directly as an updater.
  const [workspace, setWorkspace] = useState<{ Component: typeof PlaygroundWorkspace } | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  useEffect(() => loadWorkspaceAfterLoad((Component) => setWorkspace({ Component }), setLoadError), []);

  const failure = error ?? loadError;
  if (failure) {
    return (
      <div
        role="alert"
        className="mx-auto mt-10 flex max-w-lg items-start gap-3 rounded-card border border-danger/25 bg-danger-soft p-5 text-danger"
      >
        <AlertIcon className="mt-0.5 size-5 shrink-0" />
        <div>
          <p className="font-semibold">
            {error ? "Could not load the models" : "Could not load the playground"}
          </p>
          <p className="text-fg">{failure.message}</p>
        </div>
      </div>
    );
  }
  if (!data || !workspace) return <PlaygroundSkeleton />;
  return <workspace.Component views={data.models} />;
}
