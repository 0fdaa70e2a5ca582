"use client";

import { Badge } from "@/components/ui/badge";
import { useSpend } from "@/lib/hooks/use-spend";

/** Read from today's spend, which the header asks for anyway: no page needs the model catalog for it. */
export function SimulatorBadge() {
  const { data } = useSpend();
  if (!data?.simulated) return null;
  return (
    <Badge tone="warning" title="No provider keys are set: the built-in simulator answers every request.">
      <span className="size-1.5 rounded-full bg-current" aria-hidden />
      <span className="sm:hidden">Simulated</span>
      <span className="hidden sm:inline">Simulated results</span>
    </Badge>
  );
}
