"use client";

import { type ReactNode, type RefObject, useEffect, useRef, useState } from "react";

interface RenderWhenNearProps {
  children: ReactNode;
  /** Space to hold before the content has been measured once. */
  estimatedHeight: number;
  /** Rendered from the start, server HTML included: for what the first screen shows. */
  initiallyRendered?: boolean;
  className?: string;
  /** The scrolling box the content lives in, when it is not the page itself. */
  root?: RefObject<Element | null>;
  /** How far beyond the view content is rendered, as an IntersectionObserver rootMargin. */
  margin?: string;
}

/**
 * Windowing for long pages: renders its children only while they are within a screen of the
 * viewport, and otherwise an empty box of their last measured height, so the page keeps its length.
 * A 500-image share page stays at a few hundred DOM nodes and loads only the images near the screen.
 */
export function RenderWhenNear({
  children,
  estimatedHeight,
  initiallyRendered = false,
  className,
  root,
  margin = "100% 0px",
}: RenderWhenNearProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(initiallyRendered);
  const [height, setHeight] = useState(estimatedHeight);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (!entry) return;
        // Measured as it leaves, while still rendered, so coming back does not shift the page.
        if (!entry.isIntersecting) setHeight(entry.boundingClientRect.height);
        setNear(entry.isIntersecting);
      },
      { rootMargin: margin, root: root?.current ?? null },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [root, margin]);

  return (
    <div ref={ref} className={className} style={near ? undefined : { height }}>
      {near ? children : null}
    </div>
  );
}
