import type { ReactNode } from "react";
import { Button, type ButtonSize } from "./button";
import { Spinner } from "./spinner";

interface DialogFooterProps {
  onCancel: () => void;
  /** What the action does, in the person's words. */
  actionLabel: ReactNode;
  /** Without it, the action submits the dialog's form. */
  onAction?: () => void;
  actionVariant?: "primary" | "danger";
  actionIcon?: ReactNode;
  /** While the action is on its way: disabled, with a spinner in place of the icon. */
  pending?: boolean;
  /** Not ready: still focusable and pressable, so a press can say what is missing. */
  blocked?: boolean;
  size?: ButtonSize;
}

/** The closing row of a dialog: Cancel, then the one action. */
export function DialogFooter({
  onCancel,
  actionLabel,
  onAction,
  actionVariant = "primary",
  actionIcon,
  pending = false,
  blocked = false,
  size,
}: DialogFooterProps) {
  return (
    <div className="flex justify-end gap-2">
      <Button size={size} variant="ghost" onClick={onCancel}>
        Cancel
      </Button>
      <Button
        size={size}
        type={onAction ? "button" : "submit"}
        variant={actionVariant}
        onClick={onAction}
        disabled={pending}
        aria-disabled={blocked || undefined}
      >
        {pending ? <Spinner /> : actionIcon}
        {actionLabel}
      </Button>
    </div>
  );
}
