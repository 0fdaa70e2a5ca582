"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/http/api-client";
import type { SpendView } from "@/lib/api/views";

export const SPEND_QUERY_KEY = ["spend"] as const;

/** Today's spend; refreshed now and then, since runs started elsewhere count too. */
export function useSpend() {
  return useQuery({
    queryKey: SPEND_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<SpendView>("/api/spend", signal),
    refetchInterval: 15_000,
    retry: false,
  });
}
