import type { ComponentProps } from "react";
import { cn } from "./cn";

const VARIANTS = {
  primary:
    "bg-accent text-accent-fg shadow-sm hover:bg-accent-strong disabled:bg-accent/50 aria-disabled:hover:bg-accent",
  secondary:
    "border border-line bg-surface text-fg shadow-xs hover:bg-surface-muted hover:border-line-strong",
  ghost: "text-fg-muted hover:bg-surface-muted hover:text-fg",
  danger: "border border-line bg-surface text-danger hover:bg-danger-soft",
} as const;

const SIZES = {
  sm: "h-8 gap-1.5 rounded-lg px-2.5 text-xs",
  md: "h-9 gap-2 rounded-lg px-3.5 text-sm",
  lg: "h-11 gap-2 rounded-xl px-5 text-sm",
  icon: "size-9 rounded-lg",
  "icon-sm": "size-8 rounded-lg",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;
export type ButtonSize = keyof typeof SIZES;

export function buttonClasses(
  variant: ButtonVariant = "secondary",
  size: ButtonSize = "md",
  className?: string,
) {
  return cn(
    "inline-flex shrink-0 items-center justify-center font-medium whitespace-nowrap transition-colors select-none disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 [&_svg]:size-4 [&_svg]:shrink-0",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export interface ButtonProps extends ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, size, className)} {...props} />;
}
