"use client";

import { useState } from "react";
import { Button, type ButtonSize } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";

export function CopyPromptButton({ prompt, size = "sm" }: { prompt: string; size?: ButtonSize }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(prompt);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 1600);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Button size={size} onClick={copy} aria-live="polite">
      {copied ? <CheckIcon /> : <CopyIcon />}
      {copied ? "Copied" : "Copy prompt"}
    </Button>
  );
}
