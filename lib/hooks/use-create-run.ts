"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateRunBody } from "@/lib/api/run-requests";
import type { CreateRunResponse } from "@/lib/api/views";
import { apiPost } from "@/lib/http/api-client";
import { RUN_HISTORY_QUERY_KEY } from "./use-run-history";
import { SPEND_QUERY_KEY } from "./use-spend";

/** One model of a run request, as the playground sends it. */
export type CreateRunModel = CreateRunBody["models"][number];

export function useCreateRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRunBody) => apiPost<CreateRunResponse>("/api/runs", body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: RUN_HISTORY_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: SPEND_QUERY_KEY }),
      ]),
  });
}
