"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiDelete } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

/** Deletes a run with its images (DELETE /api/runs/:id); history forgets it. */
export function useDeleteRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (runId: string) => apiDelete(`/api/runs/${encodeURIComponent(runId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.history }),
  });
}
