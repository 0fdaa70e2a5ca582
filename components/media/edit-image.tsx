"use client";

import Link from "next/link";
import { createContext, useContext } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { WandIcon } from "@/components/ui/icons";
import { HOVER_REVEAL, OVERLAY_CHIP } from "@/components/ui/overlay-chip";

/**
 * What "Edit this image" does where it is pressed: the playground puts the image among its inputs
 * at once; anywhere else (a run page, history, compare) the button leads to the playground with
 * `?edit=<imageId>`, which does the same there. Either way the stored image becomes an input
 * without an upload.
 */
export const EditImageContext = createContext<((imageId: string) => void) | null>(null);

/** Where "Edit this image" leads from a page that is not the playground. */
export const editImageHref = (imageId: string) => `/?edit=${encodeURIComponent(imageId)}`;

const VARIANTS = {
  chip: cn(OVERLAY_CHIP, "size-8 [&_svg]:size-4", HOVER_REVEAL),
  button: buttonClasses("secondary", "md"),
  small: buttonClasses("secondary", "sm"),
};

export function EditImageButton({
  imageId,
  name,
  variant = "button",
  className,
}: {
  imageId: string;
  /** The image for a screen reader, e.g. "image 1 of 2 from FLUX.1". */
  name?: string;
  variant?: keyof typeof VARIANTS;
  className?: string;
}) {
  const edit = useContext(EditImageContext);
  const label = name ? `Edit ${name}` : "Edit this image";
  const chip = variant === "chip";
  const content = (
    <>
      <WandIcon />
      {chip ? null : "Edit this image"}
    </>
  );
  const classes = cn(VARIANTS[variant], className);
  if (edit) {
    return (
      <button
        type="button"
        aria-label={chip ? label : undefined}
        title="Edit this image: use it as the input of a new run"
        onClick={() => edit(imageId)}
        className={classes}
      >
        {content}
      </button>
    );
  }
  return (
    <Link
      href={editImageHref(imageId)}
      prefetch={false}
      aria-label={chip ? label : undefined}
      title="Edit this image: use it as the input of a new run"
      className={classes}
    >
      {content}
    </Link>
  );
}
