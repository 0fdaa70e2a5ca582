import type { ReactNode } from "react";
import { Dialog } from "./dialog";
import { DialogFooter } from "./dialog-footer";

interface ConfirmDialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  /** What confirming does, in the person's words. */
  children: ReactNode;
  confirmLabel: string;
  confirmIcon?: ReactNode;
  onConfirm: () => void;
  pending: boolean;
  error: Error | null;
}

/** Asks before something that cannot be undone; stays open with the reason when it fails. */
export function ConfirmDialog({
  open,
  onClose,
  title,
  children,
  confirmLabel,
  confirmIcon,
  onConfirm,
  pending,
  error,
}: ConfirmDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} label={title} className="w-[min(26rem,calc(100vw-2rem))]">
      <div className="grid gap-4 p-5">
        <div className="grid gap-1.5">
          <h2 className="text-base font-semibold">{title}</h2>
          {children}
        </div>
        {error ? (
          <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-xs text-danger">
            {error.message}
          </p>
        ) : null}
        <DialogFooter
          onCancel={onClose}
          actionLabel={confirmLabel}
          onAction={onConfirm}
          actionVariant="danger"
          actionIcon={confirmIcon}
          pending={pending}
        />
      </div>
    </Dialog>
  );
}
