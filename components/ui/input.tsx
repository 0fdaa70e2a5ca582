import type { ComponentProps } from "react";
import { cn } from "./cn";

export const FIELD_CLASSES =
  "w-full rounded-lg border border-line bg-surface px-3 text-sm text-fg shadow-xs transition-colors placeholder:text-fg-subtle hover:border-line-strong focus-visible:border-accent focus-visible:outline-none focus-visible:ring-3 focus-visible:ring-accent/20 aria-invalid:border-danger aria-invalid:focus-visible:ring-danger/20 disabled:opacity-60";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(FIELD_CLASSES, "h-9", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(FIELD_CLASSES, "py-2.5 leading-relaxed", className)} {...props} />;
}
