"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/http/api-client";
import { isTerminal } from "@/lib/jobs/job-status";
import type { RunView } from "@/lib/jobs/run-view";

const POLL_INTERVAL_MS = 500;

export const runQueryKey = (id: string) => ["run", id] as const;

export function isRunFinished(run: RunView): boolean {
  return run.jobs.every((job) => isTerminal(job.status));
}

/** One run, polled every 500 ms until every job is terminal. */
export function useRun(id: string | null | undefined) {
  return useQuery({
    queryKey: runQueryKey(id ?? ""),
    queryFn: ({ signal }) => apiGet<RunView>(`/api/runs/${encodeURIComponent(id ?? "")}`, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => {
      const run = query.state.data;
      if (query.state.status === "error") return false;
      return run && isRunFinished(run) ? false : POLL_INTERVAL_MS;
    },
    refetchIntervalInBackground: true,
    retry: (failureCount, error) => failureCount < 3 && !("status" in error && error.status === 404),
  });
}
