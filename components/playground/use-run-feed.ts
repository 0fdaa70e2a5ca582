"use client";

import { type RefObject, useEffect, useRef, useState } from "react";
import type { FeedEntry } from "./playground-draft";

/** The session's runs, newest first; a new one on a narrow screen scrolls the results into view. */
export function useRunFeed(initial: FeedEntry[], resultsRef: RefObject<HTMLElement | null>) {
  const [entries, setEntries] = useState(initial);
  const scrollPending = useRef(false);
  // After the new run's pane is committed (a screen tall): scrolling earlier measured the old,
  // shorter page and was cut short.
  useEffect(() => {
    if (!scrollPending.current) return;
    scrollPending.current = false;
    resultsRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
  }, [entries, resultsRef]);

  return {
    entries,
    /** Puts a new run on top. */
    show(entry: FeedEntry) {
      scrollPending.current = window.matchMedia("(max-width: 1023px)").matches;
      setEntries((current) => [entry, ...current.filter((other) => other.id !== entry.id)]);
    },
    /** Keeps a run loaded into the form in view, below the session's own when it is older. */
    include(entry: FeedEntry) {
      setEntries((current) =>
        current.some((other) => other.id === entry.id) ? current : [...current, entry],
      );
    },
    remove: (id: string) => setEntries((current) => current.filter((entry) => entry.id !== id)),
  };
}
