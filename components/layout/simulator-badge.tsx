"use client";

import { Badge } from "@/components/ui/badge";
import { useModels } from "@/lib/hooks/use-models";

export function SimulatorBadge() {
  const { data } = useModels();
  if (!data?.simulator) return null;
  return (
    <Badge tone="warning" title="No provider keys are set: the built-in simulator answers every request.">
      <span className="size-1.5 rounded-full bg-current" aria-hidden />
      <span className="sm:hidden">Simulated</span>
      <span className="hidden sm:inline">Simulated results</span>
    </Badge>
  );
}
