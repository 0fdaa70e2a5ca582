"use client";

import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { HOVER_REVEAL, OVERLAY_CHIP } from "@/components/ui/overlay-chip";
import { StarIcon } from "@/components/ui/icons";
import type { ImageView } from "@/lib/api/views";
import { useAnnotateImage } from "@/lib/hooks/use-annotate-image";

export { HOVER_REVEAL, OVERLAY_CHIP };

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
