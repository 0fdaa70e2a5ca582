"use client";

import { type KeyboardEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { StoredImage } from "@/components/ui/stored-image";
import type { ImageView, InputView, RunView } from "@/lib/api/views";

/**
 * Before/after in the lightbox: the run's first input image in place of the open result (key B,
 * or the button), until another image is opened. A run without inputs has no toggle.
 */
export function useBeforeAfter(item: { image: ImageView; run: Pick<RunView, "inputs"> } | undefined) {
  const [shownFor, setShownFor] = useState<string | null>(null);
  // A share payload from before inputs existed has none.
  const input = item?.run.inputs?.[0];
  const showingInput = Boolean(input) && shownFor === item?.image.id;
  const toggle = () => {
    if (item && input) setShownFor(showingInput ? null : item.image.id);
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
  image: ImageView;
  alt: string;
}) {
  const { input, showingInput } = state;
  const shown: Pick<InputView, "id" | "url" | "width" | "height"> = showingInput && input ? input : image;
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
