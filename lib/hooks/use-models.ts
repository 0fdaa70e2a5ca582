"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/http/api-client";
import type { ModelsResponse } from "@/lib/api/views";
import { queryKeys } from "./query-keys";

export function useModels() {
  return useQuery({
    queryKey: queryKeys.models,
    queryFn: ({ signal }) => apiGet<ModelsResponse>("/api/models", signal),
    staleTime: 60_000,
  });
}
