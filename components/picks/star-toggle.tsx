"use client";

import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { StarIcon } from "@/components/ui/icons";
import type { ImageView } from "@/lib/api/views";
import { useAnnotateImage } from "@/lib/hooks/use-annotate-image";

/** A round control over a thumbnail. */
export const OVERLAY_CHIP =
  "grid place-items-center rounded-full bg-black/45 text-white shadow-sm backdrop-blur-sm transition-opacity hover:bg-black/65";
/** Hidden until the thumbnail is hovered or focused; always shown on touch screens. */
export const HOVER_REVEAL =
  "opacity-0 group-focus-within/tile:opacity-100 group-hover/tile:opacity-100 focus-visible:opacity-100 [@media(hover:none)]:opacity-100";

const VARIANTS = {
  overlay: cn(OVERLAY_CHIP, "size-8 [&_svg]:size-4.5"),
  dense: cn(OVERLAY_CHIP, "size-6 [&_svg]:size-3.5"),
  button: buttonClasses("secondary", "sm"),
};

interface StarToggleProps {
  image: ImageView;
  /** What the image is called for a screen reader, e.g. "image 1 of 2 from FLUX.1 (Pixazo)". */
  name: string;
  /** `overlay`/`dense`: a round chip on a thumbnail; `button`: a labelled button (lightbox, compare). */
  variant?: keyof typeof VARIANTS;
}

/** The owner's pick: shown at once, put back if the server refuses. */
export function StarToggle({ image, name, variant = "overlay" }: StarToggleProps) {
  const annotate = useAnnotateImage();
  const starred = image.starred;
  return (
    <button
      type="button"
      aria-label={`Star ${name}`}
      aria-pressed={starred}
      title={annotate.error ? `Could not save the star: ${annotate.error.message}` : undefined}
      onClick={() => annotate.mutate({ imageId: image.id, patch: { starred: !starred } })}
      className={cn(VARIANTS[variant], variant !== "button" && !starred && HOVER_REVEAL)}
    >
      <StarIcon className={cn(starred && "fill-current text-star")} />
      {variant === "button" ? "Star" : null}
    </button>
  );
}
