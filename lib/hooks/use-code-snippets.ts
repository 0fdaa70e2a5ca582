"use client";

import { useQuery } from "@tanstack/react-query";
import type { CodeSnippetsView } from "@/lib/api/views";
import { apiGet } from "@/lib/http/api-client";
import { queryKeys } from "./query-keys";

/** The copy-as-code snippets of a job or run (`path` is its GET …/code); they never change. */
export function useCodeSnippets(path: string) {
  return useQuery({
    queryKey: queryKeys.code(path),
    queryFn: ({ signal }) => apiGet<CodeSnippetsView>(path, signal),
    staleTime: Infinity,
  });
}
