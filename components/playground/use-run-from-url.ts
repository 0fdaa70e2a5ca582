"use client";

import { useEffect, useEffectEvent } from "react";
import type { RunView } from "@/lib/api/views";
import { apiGet } from "@/lib/http/api-client";

/**
 * "Edit & re-run" from another page: `/?from=<runId>` loads that run into the form once, then the
 * parameter leaves the address, so a reload keeps the edits made since (the draft) instead.
 */
export function useRunFromUrl(onRun: (run: RunView) => void, onError: (message: string) => void) {
  const loaded = useEffectEvent(onRun);
  const failed = useEffectEvent(onError);
  useEffect(() => {
    const url = new URL(window.location.href);
    const id = url.searchParams.get("from");
    if (!id) return;
    let cancelled = false;
    const forget = () => {
      url.searchParams.delete("from");
      window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
    };
    apiGet<RunView>(`/api/runs/${encodeURIComponent(id)}`).then(
      (run) => {
        if (cancelled) return;
        forget();
        loaded(run);
      },
      (error: unknown) => {
        if (cancelled) return;
        forget();
        failed(`Could not load that run to edit: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, []);
}
