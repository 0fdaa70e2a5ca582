"use client";

import { useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";

interface CopyButtonProps {
  /** What to copy; a function when it can only be known in the browser (e.g. needs window). */
  text: string | (() => string);
  label: string;
  size?: ButtonSize;
  variant?: ButtonVariant;
}

/** Copies text to the clipboard and says "Copied" for a moment. */
export function CopyButton({ text, label, size, variant }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === "function" ? text() : text);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1600);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Button size={size} variant={variant} onClick={copy} aria-live="polite">
      {copied ? <CheckIcon /> : <CopyIcon />}
      {copied ? "Copied" : label}
    </Button>
  );
}
