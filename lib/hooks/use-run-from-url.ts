"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";
import type { RunView } from "@/lib/api/views";
import { apiGet } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

/**
 * "Edit & re-run" from another page: `/?from=<runId>` loads that run into the form once, then the
 * parameter leaves the address, so a reload keeps the edits made since (the draft) instead. The run
 * lands in the cache too, so the feed shows it without asking again.
 */
export function useRunFromUrl(onRun: (run: RunView) => void, onError: (message: string) => void) {
  const queryClient = useQueryClient();
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
    queryClient
      .fetchQuery({
        queryKey: queryKeys.run(id),
        queryFn: ({ signal }) => apiGet<RunView>(`/api/runs/${encodeURIComponent(id)}`, signal),
      })
      .then(
        (run) => {
          if (cancelled) return;
          forget();
          loaded(run);
        },
        (error: unknown) => {
          if (cancelled) return;
          forget();
          failed(
            `Could not load that run to edit: ${error instanceof Error ? error.message : String(error)}`,
          );
        },
      );
    return () => {
      cancelled = true;
    };
  }, [queryClient]);
}
