"use client";

import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/lib/http/api-client";
import type { ModelsResponse } from "@/lib/api/views";

export const MODELS_QUERY_KEY = ["models"] as const;

export function useModels() {
  return useQuery({
    queryKey: MODELS_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<ModelsResponse>("/api/models", signal),
    staleTime: 60_000,
  });
}
