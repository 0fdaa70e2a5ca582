"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/http/api-client";
import type { SpendView } from "@/lib/api/views";
import { queryKeys } from "./query-keys";

/**
 * Today's spend. Not polled: it is asked again when this tab changes it (a run created, a job
 * action, a job of a run on screen settling) and when the tab comes back into view, since runs
 * started elsewhere count too.
 */
export function useSpend() {
  return useQuery({
    queryKey: queryKeys.spend,
    queryFn: ({ signal }) => apiGet<SpendView>("/api/spend", signal),
    refetchOnWindowFocus: true,
    retry: false,
  });
}
