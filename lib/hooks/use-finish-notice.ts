"use client";

import { useEffect, useRef } from "react";
import { isRunFinished } from "@/lib/models/job-status";
import type { RunView } from "@/lib/api/views";
import { finishedNotice, finishedTitle } from "./finish-notice";

/**
 * When a run this page watched finish does so while the tab is hidden, the tab title says so until
 * the tab is seen again, and a notification appears if the person allowed them.
 */
export function useFinishNotice(run: RunView | undefined) {
  const watched = useRef<string | null>(null);
  useEffect(() => {
    if (!run) return;
    if (!isRunFinished(run)) {
      watched.current = run.id;
      return;
    }
    if (watched.current !== run.id || !document.hidden) return;
    watched.current = null;
    const title = document.title;
    document.title = finishedTitle(run);
    if ("Notification" in window && Notification.permission === "granted") {
      const { title: heading, body } = finishedNotice(run);
      new Notification(heading, { body, tag: run.id });
    }
    const restore = () => {
      if (document.hidden) return;
      document.title = title;
      document.removeEventListener("visibilitychange", restore);
    };
    document.addEventListener("visibilitychange", restore);
  }, [run]);
}
