"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import type { ListRunsQuery } from "@/lib/api/run-requests";
import { apiGet } from "@/lib/http/api-client";
import type { JobStatus } from "@/lib/models/job-status";
import type { RunListView } from "@/lib/api/views";
import { queryKeys } from "./query-keys";

const PAGE_SIZE = 12;

export interface RunHistoryFilters {
  search: string;
  modelId?: string;
  status?: JobStatus;
  starred?: boolean;
}

export function useRunHistory({ search, modelId, status, starred }: RunHistoryFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.historyPage({ search, modelId, status, starred }),
    queryFn: ({ pageParam, signal }) => {
      const query: ListRunsQuery = {
        limit: String(PAGE_SIZE),
        cursor: pageParam || undefined,
        q: search || undefined,
        model: modelId,
        status,
        starred: starred ? "true" : undefined,
      };
      const present = Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]));
      return apiGet<RunListView>(`/api/runs?${new URLSearchParams(present)}`, signal);
    },
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor,
  });
}
