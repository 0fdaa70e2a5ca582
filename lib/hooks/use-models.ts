"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/http/api-client";
import type { ModelsResponse } from "@/lib/api/views";
import { queryKeys } from "./query-keys";

/** The catalog; `enabled: false` only reads what is cached (a run page asks once an image opens). */
export function useModels({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: queryKeys.models,
    queryFn: ({ signal }) => apiGet<ModelsResponse>("/api/models", signal),
    staleTime: 60_000,
  });
}
