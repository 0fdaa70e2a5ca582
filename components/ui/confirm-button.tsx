"use client";

import { type ReactNode, useState } from "react";
import { Button, type ButtonProps } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

interface ConfirmButtonProps {
  /** The button that asks, with its label or icon as children of `button`. */
  button: ButtonProps;
  title: string;
  /** What confirming does, in the person's words. */
  children: ReactNode;
  confirmLabel: string;
  confirmIcon?: ReactNode;
  /** Runs the action; `close` shuts the dialog (call it once the action succeeded). */
  onConfirm: (close: () => void) => void;
  pending: boolean;
  error: Error | null;
}

/** A button for something that cannot be undone: it asks first, and stays open with the reason when it fails. */
export function ConfirmButton({ button, onConfirm, ...dialog }: ConfirmButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const close = () => setConfirming(false);
  return (
    <>
      <Button {...button} onClick={() => setConfirming(true)} />
      <ConfirmDialog {...dialog} open={confirming} onClose={close} onConfirm={() => onConfirm(close)} />
    </>
  );
}
