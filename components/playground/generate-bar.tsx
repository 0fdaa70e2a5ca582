"use client";

import { Button } from "@/components/ui/button";
import { SparklesIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { formatUsd } from "@/lib/format-usd";
import type { CostEstimate } from "@/lib/models/types";

interface GenerateBarProps {
  pending: boolean;
  modelCount: number;
  estimates: (CostEstimate | undefined)[];
  error: string | null;
  /** Names of the selected models whose parameters are invalid. */
  needsFix: string[];
}

function totalLabel(estimates: (CostEstimate | undefined)[]): string {
  // An invalid form has no estimate: a total of the others would understate what Generate costs.
  if (estimates.includes(undefined)) return "price unknown";
  const known = estimates.filter((estimate): estimate is number => typeof estimate === "number");
  const unknown = estimates.length - known.length;
  const assumed = `${unknown} at an assumed price`;
  if (known.length === 0) return unknown > 0 ? assumed : "";
  const total = `est. ${formatUsd(known.reduce((sum, value) => sum + value, 0))}`;
  return unknown > 0 ? `${total} + ${assumed}` : total;
}

export function GenerateBar({ pending, modelCount, estimates, error, needsFix }: GenerateBarProps) {
  return (
    <div className="grid gap-2">
      {needsFix.length > 0 ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs font-medium text-danger">
          {needsFix.length === 1 ? "1 model needs fixes" : `${needsFix.length} models need fixes`}:{" "}
          {needsFix.join(", ")}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
      <Button
        type="submit"
        variant="primary"
        size="lg"
        // Not `disabled`: a disabled button drops the keyboard focus to <body> while the run starts.
        aria-disabled={pending || undefined}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        className="w-full"
      >
        {pending ? <Spinner /> : <SparklesIcon />}
        Generate
      </Button>
      <p className="flex justify-between text-[11px] text-fg-subtle">
        <span>
          {modelCount} {modelCount === 1 ? "model" : "models"}
          {estimates.length > 0 ? ` · ${totalLabel(estimates)}` : ""}
        </span>
        <span>
          <kbd className="font-sans">Ctrl</kbd> / <kbd className="font-sans">⌘</kbd> +{" "}
          <kbd className="font-sans">Enter</kbd>
        </span>
      </p>
    </div>
  );
}
