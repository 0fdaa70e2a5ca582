"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/http/api-client";
import type { RunListView } from "@/lib/jobs/run-view";

export const RUN_HISTORY_QUERY_KEY = ["runs"] as const;
const PAGE_SIZE = 12;

export function useRunHistory(search: string) {
  return useInfiniteQuery({
    queryKey: [...RUN_HISTORY_QUERY_KEY, { search }],
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) query.set("cursor", pageParam);
      if (search) query.set("q", search);
      return apiGet<RunListView>(`/api/runs?${query}`, signal);
    },
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor,
  });
}
