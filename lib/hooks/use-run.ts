"use client";

import { useQuery } from "@tanstack/react-query";
import { ApiError, apiGet } from "@/lib/http/api-client";
import { isRunFinished } from "@/lib/models/job-status";
import type { RunView } from "@/lib/api/views";

const POLL_INTERVAL_MS = 500;
const ERROR_POLL_INTERVAL_MS = 2_000;

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

export const runQueryKey = (id: string) => ["run", id] as const;

/** One run, polled every 500 ms until every job is terminal. */
export function useRun(id: string | null | undefined) {
  return useQuery({
    queryKey: runQueryKey(id ?? ""),
    queryFn: ({ signal }) => apiGet<RunView>(`/api/runs/${encodeURIComponent(id ?? "")}`, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => {
      const run = query.state.data;
      if ((run && isRunFinished(run)) || isNotFound(query.state.error)) return false;
      return query.state.error ? ERROR_POLL_INTERVAL_MS : POLL_INTERVAL_MS;
    },
    refetchIntervalInBackground: true,
    retry: (failureCount, error) => failureCount < 3 && !isNotFound(error),
  });
}
