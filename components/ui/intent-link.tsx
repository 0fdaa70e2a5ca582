"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A next/link that prefetches its page once the reader reaches for it (pointer over it, focus,
 * touch) instead of as soon as it is on screen: a tab left open on a page costs no requests for
 * pages nobody opens, and navigation still finds the page prefetched.
 */
export function IntentLink({ onMouseEnter, onFocus, onTouchStart, ...props }: ComponentProps<typeof Link>) {
  const [reached, setReached] = useState(false);
  return (
    <Link
      {...props}
      prefetch={reached ? null : false}
      onMouseEnter={(event) => {
        setReached(true);
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        setReached(true);
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        setReached(true);
        onTouchStart?.(event);
      }}
    />
  );
}
