"use client";

import { cn } from "@/components/ui/cn";
import { type Density, DENSITIES, setDensity } from "./use-density";

const LABELS: Record<Density, string> = { large: "Large", compact: "Compact", contact: "Thumbnails" };

/** Large cards → compact cards → thumbnails only; the choice is remembered. */
export function DensityToggle({ value }: { value: Density }) {
  return (
    <div
      role="group"
      aria-label="Density"
      className="inline-flex rounded-lg border border-line bg-surface p-0.5"
    >
      {DENSITIES.map((density) => (
        <button
          key={density}
          type="button"
          aria-pressed={density === value}
          onClick={() => setDensity(density)}
          className={cn(
            "h-7 rounded-md px-2.5 text-xs font-medium transition-colors",
            density === value ? "bg-accent-soft text-accent-strong" : "text-fg-muted hover:text-fg",
          )}
        >
          {LABELS[density]}
        </button>
      ))}
    </div>
  );
}
