"use client";

import { useState } from "react";
import { PanelPrompt } from "./panel-prompt";
import { cn } from "@/components/ui/cn";
import { type Transform, toCss } from "./zoom-math";
import { StoredImage } from "@/components/ui/stored-image";

export interface CompareItem {
  id: string;
  url: string;
  thumbnailUrl: string;
  /** Absent for a blind review's images, which carry no size. */
  width?: number;
  height?: number;
  /** What the image is called on screen and for screen readers ("A", or a model name). */
  title: string;
  /** Which image of its cell it is (1 for the first), where the cell may have several. */
  imageNumber?: number;
  /** The prompt the image was made from; absent where a blind review hides it. */
  prompt?: string;
  /** Parameters and seed, as labels; empty where labels are hidden (a blind review). */
  details: string[];
}

/** One image at the shared transform: the thumbnail shows until the full-resolution bytes arrive. */
export function ZoomedImage({ item, transform }: { item: CompareItem; transform: Transform }) {
  const [loaded, setLoaded] = useState(false);
  return (
    <div
      data-compare-image={item.id}
      className="absolute inset-0 origin-center will-change-transform"
      style={{ transform: toCss(transform) }}
    >
      <StoredImage
        src={item.thumbnailUrl}
        alt=""
        aria-hidden
        className={cn("absolute inset-0 size-full object-contain", loaded && "invisible")}
        draggable={false}
      />
      <StoredImage
        src={item.url}
        alt={item.title}
        width={item.width}
        height={item.height}
        onLoad={() => setLoaded(true)}
        className={cn("absolute inset-0 size-full object-contain", !loaded && "opacity-0")}
        draggable={false}
      />
    </div>
  );
}

export function PanelLabel({ item, side }: { item: CompareItem; side?: "left" | "right" }) {
  return (
    <div
      className={cn(
        "pointer-events-none absolute top-2 z-10 max-w-[70%] rounded-lg bg-black/70 px-2.5 py-1.5 text-xs text-white",
        side === "right" ? "right-2 text-right" : "left-2",
      )}
    >
      <p className="font-semibold">{item.title}</p>
      {item.prompt ? <PanelPrompt prompt={item.prompt} /> : null}
      {item.details.map((line) => (
        <p key={line} className="text-white/80">
          {line}
        </p>
      ))}
    </div>
  );
}
