import type { ComponentProps } from "react";
import { cn } from "./cn";
import { SearchIcon } from "./icons";
import { Input } from "./input";

/** A search field with its magnifier drawn inside, before the text. */
export function SearchInput({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <div className="relative">
      <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
      <Input type="search" className={cn("pl-9", className)} {...props} />
    </div>
  );
}
