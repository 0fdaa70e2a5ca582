"use client";

import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { MAX_RUN_WAIT_SECONDS } from "@/lib/api/run-wait";
import type { RunCopy, RunView } from "@/lib/api/views";
import { ApiError, apiGetIfChanged } from "@/lib/http/api-client";
import { isRunFinished } from "@/lib/models/job-status";
import { changesSpend } from "./spend-news";
import { queryKeys } from "./query-keys";

/** Between two long-polls: the next one starts as soon as the last answer is on screen. */
const NEXT_LONG_POLL_MS = 100;
/** Plain polling, for a network whose proxy holds long-polls back. */
const POLL_INTERVAL_MS = 1_000;
const ERROR_POLL_INTERVAL_MS = 2_000;
/** A long-poll answered this late was held by something in between: poll plainly from then on. */
const LONG_POLL_GIVE_UP_MS = (MAX_RUN_WAIT_SECONDS + 10) * 1_000;

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

/** The ETag of each copy of a run this tab holds, so whichever reader asks next names it. */
const etags = new WeakMap<RunView, string>();

function seedRun(queryClient: QueryClient, { run, etag }: RunCopy): void {
  if (queryClient.getQueryData(queryKeys.run(run.id))) return;
  etags.set(run, etag);
  queryClient.setQueryData(queryKeys.run(run.id), run);
}

/**
 * Puts a run the page came with (server-rendered) into the cache, so the tab shows it at once and
 * its first request already waits for news of it. Call it before any reader of the run renders.
 */
export function useSeedRun(initial: RunCopy | null): void {
  const queryClient = useQueryClient();
  useState(() => initial && seedRun(queryClient, initial));
}

/**
 * One run, kept current until every job is terminal. Each request names the copy the tab has
 * (If-None-Match) and asks the server to hold it until the run changes (long-poll), so results
 * show as soon as they are stored, with a few requests a minute instead of two a second.
 */
export function useRun(id: string | null | undefined) {
  const longPoll = useRef(true);
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.run(id ?? ""),
    queryFn: async ({ signal }) => {
      const runId = id ?? "";
      const previous = queryClient.getQueryData<RunView>(queryKeys.run(runId));
      const etag = (previous && etags.get(previous)) ?? null;
      const wait = etag && longPoll.current ? MAX_RUN_WAIT_SECONDS : 0;
      const started = Date.now();
      const answer = await apiGetIfChanged<RunView>(
        `/api/runs/${encodeURIComponent(runId)}${wait ? `?wait=${wait}` : ""}`,
        etag,
        signal,
      );
      if (wait && Date.now() - started > LONG_POLL_GIVE_UP_MS) longPoll.current = false;
      if (answer.unchanged && previous) return previous;
      if (answer.unchanged) throw new ApiError("http_error", "The server sent no run");
      if (answer.etag) etags.set(answer.data, answer.etag);
      // Today's spend is not polled: it is asked again when a run on screen changes it.
      if (previous && changesSpend(previous, answer.data)) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.spend });
      }
      return answer.data;
    },
    enabled: Boolean(id),
    refetchInterval: (query) => {
      const run = query.state.data;
      if ((run && isRunFinished(run)) || isNotFound(query.state.error)) return false;
      if (query.state.error) return ERROR_POLL_INTERVAL_MS;
      return longPoll.current ? NEXT_LONG_POLL_MS : POLL_INTERVAL_MS;
    },
    refetchIntervalInBackground: true,
    retry: (failureCount, error) => failureCount < 3 && !isNotFound(error),
  });
}
