import type { ComponentProps } from "react";
import { cn } from "./cn";
import { FIELD_CLASSES } from "./input";
import { ChevronDownIcon } from "./icons";

export function Select({ className, children, ...props }: ComponentProps<"select">) {
  return (
    <div className={cn("relative", className)}>
      <select className={cn(FIELD_CLASSES, "h-9 appearance-none pr-8")} {...props}>
        {children}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-fg-subtle" />
    </div>
  );
}
