"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

const LINKS = [
  { href: "/", label: "Playground" },
  { href: "/history", label: "History" },
  { href: "/picks", label: "Picks" },
  { href: "/models", label: "Models" },
  { href: "/shared", label: "Shared" },
] as const;

export function MainNav() {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Main"
      className="flex min-w-0 items-center overflow-x-auto [scrollbar-width:none] sm:gap-1"
    >
      {LINKS.map((link) => {
        const active = link.href === "/" ? pathname === "/" : pathname.startsWith(link.href);
        return (
          <IntentLink
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "shrink-0 rounded-lg px-1.5 py-1.5 text-[13px] font-medium transition-colors sm:px-3 sm:text-sm",
              active ? "bg-surface-muted text-fg" : "text-fg-muted hover:text-fg",
            )}
          >
            {link.label}
          </IntentLink>
        );
      })}
    </nav>
  );
}
