"use client";

import type { ButtonSize } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

export function CopyPromptButton({ prompt, size = "sm" }: { prompt: string; size?: ButtonSize }) {
  return <CopyButton text={prompt} label="Copy prompt" size={size} />;
}
