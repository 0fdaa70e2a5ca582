"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A panel's prompt in its label: two lines, the whole text on hover and a tap or click away. The
 * press stops here, so it neither pans nor zooms the panels under it.
 */
export function PanelPrompt({ prompt }: { prompt: string }) {
  const [open, setOpen] = useState(false);
  return (
    <button
      type="button"
      aria-expanded={open}
      title={open ? undefined : prompt}
      onPointerDown={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
      onClick={() => setOpen((value) => !value)}
      className={cn(
        "pointer-events-auto block min-h-6 text-left text-white/90 italic",
        open ? "max-h-40 overflow-y-auto whitespace-pre-wrap" : "line-clamp-2",
      )}
    >
      {prompt}
    </button>
  );
}
