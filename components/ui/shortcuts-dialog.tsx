"use client";

import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { CloseIcon } from "@/components/ui/icons";

/** A list of keys and what they do (compare, the run matrix, a review); "?" opens it where it is offered. */
export function ShortcutsDialog({
  open,
  onClose,
  shortcuts,
}: {
  open: boolean;
  onClose: () => void;
  shortcuts: [string, string][];
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      label="Keyboard shortcuts"
      className="w-[min(28rem,calc(100vw-2rem))]"
    >
      <div className="grid gap-4 p-5">
        <div className="flex items-center justify-between">
          <h2 className="text-base font-semibold">Keyboard shortcuts</h2>
          <Button variant="ghost" size="icon-sm" aria-label="Close" onClick={onClose}>
            <CloseIcon />
          </Button>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {shortcuts.map(([keys, action]) => (
            <div key={keys} className="contents">
              <dt>
                <kbd className="rounded border border-line bg-surface-muted px-1.5 py-0.5 font-mono text-xs">
                  {keys}
                </kbd>
              </dt>
              <dd className="text-fg-muted">{action}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Dialog>
  );
}
