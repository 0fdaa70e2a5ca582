"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/http/api-client";
import type { JobStatus } from "@/lib/models/job-status";
import type { RunListView } from "@/lib/api/views";

export const RUN_HISTORY_QUERY_KEY = ["runs"] as const;
const PAGE_SIZE = 12;

export interface RunHistoryFilters {
  search: string;
  modelId?: string;
  status?: JobStatus;
}

export function useRunHistory({ search, modelId, status }: RunHistoryFilters) {
  return useInfiniteQuery({
    queryKey: [...RUN_HISTORY_QUERY_KEY, { search, modelId, status }],
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) query.set("cursor", pageParam);
      if (search) query.set("q", search);
      if (modelId) query.set("model", modelId);
      if (status) query.set("status", status);
      return apiGet<RunListView>(`/api/runs?${query}`, signal);
    },
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor,
  });
}
