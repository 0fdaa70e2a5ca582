"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiPost } from "@/lib/http/api-client";
import type { CreateRunResponse } from "@/lib/jobs/run-view";
import { RUN_HISTORY_QUERY_KEY } from "./use-run-history";
import { SPEND_QUERY_KEY } from "./use-spend";

export interface CreateRunModel {
  modelId: string;
  params: Record<string, unknown>;
  notes?: string[];
}

export interface CreateRunBody {
  prompt: string;
  models: CreateRunModel[];
}

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
