"use client";

import { useState } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";

/** Resolves a (possibly relative) share URL against this origin and copies it. */
export function CopyLinkButton({
  url,
  size = "md",
  variant = "secondary",
}: {
  url: string;
  size?: ButtonSize;
  variant?: ButtonVariant;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(new URL(url, window.location.origin).href);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1600);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Button size={size} variant={variant} onClick={copy} aria-live="polite">
      {copied ? <CheckIcon /> : <CopyIcon />}
      {copied ? "Copied" : "Copy link"}
    </Button>
  );
}
