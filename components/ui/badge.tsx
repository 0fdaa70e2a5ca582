import type { ComponentProps } from "react";
import { cn } from "./cn";

const TONES = {
  neutral: "bg-surface-muted text-fg-muted ring-line",
  accent: "bg-accent-soft text-accent-strong ring-accent/20",
  success: "bg-success-soft text-success ring-success/20",
  danger: "bg-danger-soft text-danger ring-danger/20",
  warning: "bg-warning-soft text-warning ring-warning/25",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({
  tone = "neutral",
  className,
  ...props
}: ComponentProps<"span"> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-[11px] leading-4 font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[tone],
        className,
      )}
      {...props}
    />
  );
}
