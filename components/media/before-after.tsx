"use client";

import { type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { StoredImage } from "@/components/ui/stored-image";

/** An image the lightbox shows: a blind review's carry no size. */
type Shown = { id: string; url: string; width?: number; height?: number };

/**
 * Before/after in the lightbox: the input image (the run's first, or a review prompt's) in place of
 * the open image (key B, or the button), until another image is opened. Without an input, no toggle.
 */
export function useBeforeAfter(imageId: string | undefined, input: Shown | undefined) {
  const [shownFor, setShownFor] = useState<string | null>(null);
  const showingInput = Boolean(input) && imageId !== undefined && shownFor === imageId;
  const toggle = () => {
    if (imageId !== undefined && input) setShownFor(showingInput ? null : imageId);
  };
  return {
    input,
    showingInput,
    toggle,
    /** Handles B; true when the key was taken. */
    onKeyDown(event: KeyboardEvent) {
      if (event.key.toLowerCase() !== "b" || event.metaKey || event.ctrlKey || event.altKey) return false;
      if (!input || event.target instanceof HTMLInputElement) return false;
      event.preventDefault();
      toggle();
      return true;
    },
  };
}

export function BeforeAfterImage({
  state,
  image,
  alt,
}: {
  state: ReturnType<typeof useBeforeAfter>;
  image: Shown;
  alt: string;
}) {
  const { input, showingInput } = state;
  const shown = showingInput && input ? input : image;
  return (
    <>
      <StoredImage
        key={shown.id}
        src={shown.url}
        alt={showingInput ? "The input image, before the edit" : alt}
        width={shown.width}
        height={shown.height}
        data-showing={showingInput ? "input" : "output"}
        className="max-h-full max-w-full animate-fade-in rounded-lg object-contain shadow-pop"
      />
      {input ? (
        <Button
          size="sm"
          aria-pressed={showingInput}
          aria-keyshortcuts="B"
          title="Show the input image in place of the result (B)"
          onClick={state.toggle}
          className="absolute top-3 left-3 rounded-full aria-pressed:border-accent aria-pressed:text-accent-strong"
        >
          Before / after
        </Button>
      ) : null}
    </>
  );
}
