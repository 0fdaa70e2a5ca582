"use client";

import { Button } from "@/components/ui/button";
import { SparklesIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { estimatedTotal } from "@/lib/labels/cost";
import { nextRunSize, plural } from "@/lib/labels/run-size";
import type { CostEstimate } from "@/lib/models/types";

interface GenerateBarProps {
  pending: boolean;
  /** Rows of the run. */
  promptCount: number;
  /** Distinct models among the configurations. */
  /** One per configuration (column). */
  estimates: (CostEstimate | undefined)[];
  error: string | null;
  /** Labels of the configurations whose parameters are invalid. */
  needsFix: string[];
  /** Why Generate cannot send this run (too many prompts or jobs); the button says so and does nothing. */
  blockedReason: string | null;
}

export function GenerateBar({
  pending,
  promptCount,
  estimates,
  error,
  needsFix,
  blockedReason,
}: GenerateBarProps) {
  // Every job of a column costs what its configuration costs, whatever its prompt.
  const jobEstimates = Array.from({ length: Math.max(promptCount, 1) }, () => estimates).flat();
  return (
    <div className="grid gap-2">
      {needsFix.length > 0 ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs font-medium text-danger">
          {plural(needsFix.length, "configuration")} {needsFix.length === 1 ? "needs" : "need"} fixes:{" "}
          {needsFix.join(", ")}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
      {blockedReason ? (
        <p
          id="generate-blocked"
          className="rounded-lg bg-warning-soft px-3 py-2 text-xs font-medium text-warning"
        >
          {blockedReason}
        </p>
      ) : null}
      <Button
        type="submit"
        variant="primary"
        size="lg"
        // Not `disabled`: a disabled button drops the keyboard focus to <body> while the run starts.
        aria-disabled={pending || blockedReason !== null || undefined}
        aria-describedby={blockedReason ? "generate-blocked" : undefined}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        className="w-full"
      >
        {pending ? <Spinner /> : <SparklesIcon />}
        Generate
      </Button>
      <p className="flex justify-between gap-2 text-[11px] text-fg-subtle">
        <span>
          {nextRunSize(promptCount, estimates.length)}
          {estimates.length > 0 ? ` · ${estimatedTotal(jobEstimates)}` : ""}
        </span>
        {/* Said where there is a keyboard's pointer: a phone has no Ctrl or ⌘. */}
        <span className="hidden shrink-0 any-pointer-fine:inline">
          <kbd className="font-sans">Ctrl</kbd> / <kbd className="font-sans">⌘</kbd> +{" "}
          <kbd className="font-sans">Enter</kbd>
        </span>
      </p>
    </div>
  );
}
