"use client";

import { useEffect, useEffectEvent } from "react";

/**
 * "Edit this image" from another page: `/?edit=<imageId>` makes that stored image an input once
 * (no upload), then the parameter leaves the address so a reload does not add it again.
 */
export function useImageFromUrl(addFromImage: (imageId: string) => Promise<void>) {
  const add = useEffectEvent(addFromImage);
  useEffect(() => {
    const url = new URL(window.location.href);
    const id = url.searchParams.get("edit");
    if (!id) return;
    url.searchParams.delete("edit");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
    void add(id);
  }, []);
}
