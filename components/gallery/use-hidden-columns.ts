"use client";

import { type RefObject, useEffect, useState } from "react";

/** How many column headers of the scrolling box end beyond its right edge, kept as it scrolls and resizes. */
export function useHiddenColumns(box: RefObject<HTMLElement | null>, layoutKey: string): number {
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const count = () => {
      const edge = element.getBoundingClientRect().right;
      const headers = element.querySelectorAll("[role=columnheader][data-column]");
      setHidden(
        Array.from(headers).filter((header) => header.getBoundingClientRect().right > edge + 1).length,
      );
    };
    count();
    const observer = new ResizeObserver(count);
    observer.observe(element);
    element.addEventListener("scroll", count, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", count);
    };
  }, [box, layoutKey]);
  return hidden;
}

/**
 * Brings one cell of a results view into sight and focuses it, rendering its row first when the
 * matrix had left it out (rows far from view are not rendered).
 */
export function revealCell(root: HTMLElement, row: number, column: number) {
  root.querySelector(`[data-row="${row}"]`)?.scrollIntoView({ block: "nearest" });
  const focus = (attempt: number) => {
    const cell = root.querySelector<HTMLElement>(`[data-row="${row}"] [data-column="${column}"]`);
    if (!cell) {
      if (attempt < 20) requestAnimationFrame(() => focus(attempt + 1));
      return;
    }
    cell.scrollIntoView({ block: "nearest", inline: "center" });
    cell.focus({ preventScroll: true });
  };
  focus(0);
}
