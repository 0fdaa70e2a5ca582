"use client";

import type { ButtonSize, ButtonVariant } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

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
  return (
    <CopyButton
      text={() => new URL(url, window.location.origin).href}
      label="Copy link"
      size={size}
      variant={variant}
    />
  );
}
