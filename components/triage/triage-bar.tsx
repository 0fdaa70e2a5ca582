"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ShortcutsDialog } from "@/components/ui/shortcuts-dialog";

interface TriageBarProps {
  shortcuts: [string, string][];
  /** What the polite live region says ("Row 2 of 3: winner B starred"). */
  message: string;
  help: boolean;
  onHelpChange: (open: boolean) => void;
  /** More controls before the hint (a one-row run's "Pairwise"). */
  children?: ReactNode;
}

/** The visible hint that keys work here, the list of them, and the region that announces what they did. */
export function TriageBar({ shortcuts, message, help, onHelpChange, children }: TriageBarProps) {
  return (
    <div className="flex items-center gap-2 text-xs text-fg-muted">
      <p role="status" aria-live="polite" className="sr-only">
        {message}
      </p>
      {children}
      <Button size="sm" variant="ghost" aria-keyshortcuts="?" onClick={() => onHelpChange(true)}>
        Keyboard shortcuts
        <kbd className="rounded border border-line bg-surface-muted px-1.5 font-mono text-[11px]">?</kbd>
      </Button>
      <ShortcutsDialog open={help} onClose={() => onHelpChange(false)} shortcuts={shortcuts} />
    </div>
  );
}

/** The keys a run and a review share, after the ones each words for itself (number keys, S, N). */
export function triageShortcuts(own: [string, string][]): [string, string][] {
  return [
    ...own,
    ["J / K", "Next / previous prompt row"],
    ["P", "Which is better? Compare the row's images two at a time"],
    ["← / → or 1 / 2", "In that comparison: the left / right image is better"],
    ["Esc", "Leave the comparison; nothing is written"],
    ["?", "This list"],
  ];
}
