"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CancelJobResponse,
  ChooseTakeResponse,
  JobView,
  RerunJobResponse,
  RunView,
} from "@/lib/api/views";
import { apiPost, apiPut } from "@/lib/http/api-client";
import { randomKey } from "./idempotency-keys";
import { queryKeys } from "./query-keys";

/**
 * `rerun`: a new take in the same cell (Retry, Another take); `cancel`: stop a queued or running job;
 * `choose`: "Use this take", the take that counts for its cell.
 */
export type JobAction = "rerun" | "cancel" | "choose";

function requestJobAction(jobId: string, action: JobAction) {
  const path = `/api/jobs/${encodeURIComponent(jobId)}`;
  if (action === "choose") return apiPut<ChooseTakeResponse>(`${path}/chosen-take`, {});
  return apiPost<RerunJobResponse | CancelJobResponse>(
    `${path}/${action}`,
    {},
    action === "rerun" ? { "idempotency-key": randomKey() } : undefined,
  );
}

/** The run with `job` in it: replaced where it was, else added in row, column, take order. */
export function withJob(run: RunView, job: JobView): RunView {
  const others = run.jobs.filter((other) => other.id !== job.id);
  const order = (entry: JobView) => [entry.promptIndex, entry.configIndex, entry.take];
  const jobs = [...others, job].sort((a, b) => {
    const [left, right] = [order(a), order(b)];
    return left.reduce((found, value, index) => found || value - right[index]!, 0);
  });
  return { ...run, jobs };
}

/**
 * POST /api/jobs/:id/{rerun,cancel}, PUT /api/jobs/:id/chosen-take. The answer goes into the run's cached copy at once, and the
 * run is fetched again, which also restarts its polling when the run had finished. Each rerun click
 * carries an Idempotency-Key of its own, so a resent request cannot start a second paid take.
 */
export function useJobAction(runId: string, action: JobAction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => requestJobAction(jobId, action),
    onSuccess: ({ job }) => {
      queryClient.setQueryData<RunView>(queryKeys.run(runId), (run) => (run ? withJob(run, job) : run));
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.run(runId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.spend }),
      ]);
    },
  });
}
